package org.vigie.engine.campaign;

/** The notification preference category a campaign's notifications fall under (terms of use §3.5.4.e). */
public enum NotificationCategory {
    EXAMS_VACCINATIONS, CANCER_SCREENING
}
