package org.vigie.platform.space;

/** The caller is neither the holder of the space nor one of its representatives today. */
class NotYourSpace extends RuntimeException {
    NotYourSpace(String subject, Object space) {
        super(subject + " is neither the holder nor a representative of space " + space);
    }
}
