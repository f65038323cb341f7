package org.vigie.platform.space;

/** A write on a prevention message of the secure messaging: display-only, nobody can answer it (docs/space-sources.md#surfaces). */
class DisplayOnlyMessage extends RuntimeException {

    DisplayOnlyMessage() {
        super("prevention messages of the secure messaging are display-only: they cannot be answered, changed or deleted");
    }
}
