package org.vigie.platform.space;

import java.util.UUID;

/**
 * No such item on a surface of this space. The same answer whether the recommendation does not
 * exist, is another space's, or is not shown on that surface: a 404 reveals nothing.
 */
class UnknownSurfaceItem extends RuntimeException {

    UnknownSurfaceItem(UUID space, String surface, UUID recommendation) {
        super("space " + space + " has no " + surface + " " + recommendation);
    }
}
