package org.vigie.platform.space;

/** The space exists but cannot be used in its state (not created, opposed, closed, deceased). */
class SpaceUnavailable extends RuntimeException {
    SpaceUnavailable(String message) {
        super(message);
    }
}
