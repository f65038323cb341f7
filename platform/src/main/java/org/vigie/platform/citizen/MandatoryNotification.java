package org.vigie.platform.citizen;

import org.vigie.engine.campaign.NotificationCategory;

/**
 * Notifications the holder cannot switch off: they are always sent by e-mail
 * (docs/space-sources.md#notifications). Deliberately separate from {@link NotificationCategory}:
 * there is no preference to store for them, so no switch can exist.
 */
public enum MandatoryNotification {
    NEW_PROFESSIONAL_ACCESS_TO_DMP, DOCUMENT_ADDED_TO_DMP, VACCINATION_ADDED, EMERGENCY_ACCESS, SECURE_MESSAGE_RECEIVED;

    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }
}
