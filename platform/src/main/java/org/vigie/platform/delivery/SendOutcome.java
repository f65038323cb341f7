package org.vigie.platform.delivery;

import java.time.Duration;

/**
 * What a channel says of one message.
 *
 * @param retryAfter for {@link Kind#RETRY}: how long the receiver asked to wait (a {@code Retry-After}), or null
 */
public record SendOutcome(Kind kind, Duration retryAfter, String detail) {

    public enum Kind {
        /** Accepted by the receiver. */
        SENT,
        /** A temporary failure (server down, 5xx, 429): try again later. */
        RETRY,
        /** The address is no longer valid (an unregistered push token): forget the address, do not retry. */
        ADDRESS_INVALID,
        /** The message itself was refused for good: do not retry. */
        REJECTED
    }

    public static SendOutcome sent() {
        return new SendOutcome(Kind.SENT, null, null);
    }

    public static SendOutcome retry(Duration after, String detail) {
        return new SendOutcome(Kind.RETRY, after, detail);
    }

    public static SendOutcome addressInvalid(String detail) {
        return new SendOutcome(Kind.ADDRESS_INVALID, null, detail);
    }

    public static SendOutcome rejected(String detail) {
        return new SendOutcome(Kind.REJECTED, null, detail);
    }
}
