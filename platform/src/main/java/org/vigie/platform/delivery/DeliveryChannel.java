package org.vigie.platform.delivery;

import java.util.Optional;
import org.vigie.platform.citizen.NotificationChannel;

/**
 * Where a delivery goes: an e-mail, a push to the holder's devices, or an entry of the in-app
 * notification centre. E-mail and push have preferences ({@link NotificationChannel}); the centre
 * has none, it is part of the space.
 */
public enum DeliveryChannel {
    EMAIL, PUSH, IN_APP;

    /** The channel of the preferences, if the holder can switch this one. */
    public Optional<NotificationChannel> preference() {
        return switch (this) {
            case EMAIL -> Optional.of(NotificationChannel.EMAIL);
            case PUSH -> Optional.of(NotificationChannel.PUSH);
            case IN_APP -> Optional.empty();
        };
    }

    public static DeliveryChannel of(NotificationChannel channel) {
        return valueOf(channel.name());
    }
}
