package org.vigie.platform.citizen;

/** The categories of optional notifications the holder can switch per channel (docs/space-sources.md#objection-and-consent). */
public enum NotificationCategory {
    EXAMS_VACCINATIONS, CANCER_SCREENING
}
