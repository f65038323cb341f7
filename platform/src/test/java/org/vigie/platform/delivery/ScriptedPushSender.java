package org.vigie.platform.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.vigie.platform.citizen.NotificationChannel;

/** A push sender for tests: answers what the test scripts for each message, and remembers what it was given. */
final class ScriptedPushSender implements ChannelSender {

    final List<OutgoingMessage> given = new CopyOnWriteArrayList<>();
    volatile Function<OutgoingMessage, SendOutcome> script = m -> SendOutcome.sent();

    /** Forgets what it was given and sends everything again. */
    void reset() {
        given.clear();
        script = m -> SendOutcome.sent();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.PUSH;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMessage> messages) {
        given.addAll(messages);
        List<SendOutcome> outcomes = new ArrayList<>();
        for (OutgoingMessage m : messages) outcomes.add(script.apply(m));
        return outcomes;
    }
}
