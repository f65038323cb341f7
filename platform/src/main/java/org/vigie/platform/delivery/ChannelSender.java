package org.vigie.platform.delivery;

import java.util.List;
import org.vigie.platform.citizen.NotificationChannel;

/**
 * Sends messages on one channel (e-mail, push). The dispatcher hands it a batch of messages already
 * rendered and addressed, and records what it answers; it never decides on its own to retry or
 * to give up.
 */
public interface ChannelSender {

    NotificationChannel channel();

    /**
     * Sends each message and answers one outcome per message, in the same order. A failure of one
     * message is its outcome, not an exception; an exception means the whole batch failed and will
     * be retried.
     */
    List<SendOutcome> send(List<OutgoingMessage> messages);
}
