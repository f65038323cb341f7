package org.vigie.engine.campaign;

/** The notification preference category a campaign's notifications fall under (docs/space-sources.md#objection-and-consent). */
public enum NotificationCategory {
    EXAMS_VACCINATIONS, CANCER_SCREENING
}
