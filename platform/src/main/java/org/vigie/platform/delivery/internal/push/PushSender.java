package org.vigie.platform.delivery.internal.push;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.SendResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.delivery.ChannelSender;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.SendOutcome;

/**
 * Sends push notifications through Firebase Cloud Messaging ({@link FirebaseMessaging#sendEach}, at
 * most {@value #MAX_PER_CALL} messages per call; a larger batch is split) and answers one outcome
 * per message, in order.
 *
 * <p>firebase-admin retries a 503 by itself (up to 4 times, 0.5 s doubling, or after the
 * {@code Retry-After} when it is 60 s or less) before its answer reaches this sender; 429, 500 and
 * network failures come back at once. Every other back-off is the dispatcher's.
 */
@NamedInterface("senders")
public final class PushSender implements ChannelSender {

    /** FCM's limit for one {@code sendEach} call. */
    public static final int MAX_PER_CALL = 500;

    private final FirebaseMessaging messaging;
    private final Clock clock;

    /** @param clock reads the time only to turn a {@code Retry-After} date into a duration */
    public PushSender(FirebaseApp app, Clock clock) {
        this.messaging = FirebaseMessaging.getInstance(app);
        this.clock = clock;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.PUSH;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMessage> messages) {
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        for (int from = 0; from < messages.size(); from += MAX_PER_CALL) {
            outcomes.addAll(sendOneCall(messages.subList(from, Math.min(from + MAX_PER_CALL, messages.size()))));
        }
        return outcomes;
    }

    private List<SendOutcome> sendOneCall(List<OutgoingMessage> messages) {
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        List<Message> toSend = new ArrayList<>(messages.size());
        List<Integer> positions = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            OutgoingMessage message = messages.get(i);
            if (message.address() == null || message.address().isBlank()) {
                outcomes[i] = SendOutcome.addressInvalid("no device token");
            } else {
                toSend.add(PushMessages.of(message));
                positions.add(i);
            }
        }
        if (!toSend.isEmpty()) {
            try {
                List<SendResponse> responses = messaging.sendEach(toSend).getResponses();
                for (int j = 0; j < responses.size(); j++) {
                    outcomes[positions.get(j)] = PushOutcomes.of(responses.get(j), clock);
                }
            } catch (FirebaseMessagingException callFailed) {
                // the call failed as a whole, without an answer per message: all of them are to be tried again
                SendOutcome retry = SendOutcome.retry(null, "FCM call failed: " + callFailed.getMessage());
                positions.forEach(p -> outcomes[p] = retry);
            }
        }
        return Arrays.asList(outcomes);
    }
}
