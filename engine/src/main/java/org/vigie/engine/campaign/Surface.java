package org.vigie.engine.campaign;

/**
 * Where a campaign's message is displayed in the citizen's space (docs/space-sources.md#surfaces): notifications
 * (e-mail, push, notification centre) only say that something awaits on one of these.
 */
public enum Surface {
    /** « À la une »: a card on the home page's carousel, opening an article. */
    FEED,
    /** An agenda entry: the recommended appointment or vaccination. */
    AGENDA,
    /** An alert on the relevant section of the medical profile (the campaign's {@code profileSection}). */
    PROFILE_ALERT,
    /** A display-only message in the secure messaging: no reply, no exchange possible. */
    SECURE_MESSAGE
}
