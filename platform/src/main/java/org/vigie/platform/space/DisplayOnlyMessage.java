package org.vigie.platform.space;

/** A write on a prevention message of the secure messaging: display-only, nobody can answer it (seed 000 §IX.2.f). */
class DisplayOnlyMessage extends RuntimeException {

    DisplayOnlyMessage() {
        super("prevention messages of the secure messaging are display-only: they cannot be answered, changed or deleted");
    }
}
