package org.vigie.platform.citizen;

/** The categories of optional notifications the holder can switch per channel (seed 001 §3.5.4.e). */
public enum NotificationCategory {
    EXAMS_VACCINATIONS, CANCER_SCREENING
}
