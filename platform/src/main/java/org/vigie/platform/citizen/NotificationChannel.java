package org.vigie.platform.citizen;

/** The channels of optional notifications. */
public enum NotificationChannel {
    EMAIL, PUSH
}
