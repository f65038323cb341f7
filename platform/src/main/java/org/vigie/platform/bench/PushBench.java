package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.seconds;

import com.google.firebase.FirebaseApp;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Options;
import org.vigie.platform.delivery.internal.push.FcmApps;
import org.vigie.platform.demo.FcmLocalEndpoint;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.internal.push.PushSender;
import org.vigie.platform.delivery.SendOutcome;

/**
 * {@code vigie.jar bench push [--messages N] [--batch B] [--rounds R]}: push messages per second
 * through {@link PushSender} (firebase-admin, real HTTP) to a local FCM endpoint started for the
 * run, a warm-up round then {@code R} measured rounds; one JSON line on standard output.
 */
final class PushBench {

    static final String USAGE = "bench push [--messages N] [--batch B] [--rounds R]";

    private PushBench() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        int messages;
        int batch;
        int rounds;
        try {
            Options options = Options.parse("bench push", USAGE, args, Options.Accepted.values("--messages", "--batch", "--rounds"));
            messages = options.integer("--messages", 10_000);
            batch = options.integer("--batch", PushSender.MAX_PER_CALL);
            rounds = options.integer("--rounds", 3);
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        List<OutgoingMessage> pushes = IntStream.range(0, messages).mapToObj(PushBench::push).toList();
        try (FcmLocalEndpoint fcm = FcmLocalEndpoint.start(0, 1_000)) {
            FirebaseApp app = FcmApps.toEndpoint("vigie-bench", FcmApps.LOCAL_PROJECT, fcm.url(), Duration.ofSeconds(30));
            try {
                PushSender sender = new PushSender(app, Clock.systemUTC());
                long sent = sendAll(sender, pushes, batch); // warm-up round
                double[] rates = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    sent += sendAll(sender, pushes, batch);
                    rates[round] = messages / seconds(start);
                }
                Arrays.sort(rates);
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("messages", messages);
                figure.put("batch", batch);
                figure.put("rounds", rounds);
                figure.put("messagesPerSecondMedian", Math.round(rates[rounds / 2]));
                figure.put("messagesPerSecondMin", Math.round(rates[0]));
                figure.put("messagesPerSecondMax", Math.round(rates[rounds - 1]));
                figure.put("sent", sent);
                figure.put("endpointAccepted", fcm.accepted());
                figure.put("availableProcessors", Runtime.getRuntime().availableProcessors());
                figure.put("java", System.getProperty("java.version"));
                BenchFigures.print(out, "push_throughput", figure);
                return sent == (long) messages * (rounds + 1) ? 0 : 2;
            } finally {
                app.delete();
            }
        }
    }

    private static long sendAll(PushSender sender, List<OutgoingMessage> pushes, int batch) {
        long sent = 0;
        for (int from = 0; from < pushes.size(); from += batch) {
            for (SendOutcome outcome : sender.send(pushes.subList(from, Math.min(from + batch, pushes.size())))) {
                if (outcome.kind() == SendOutcome.Kind.SENT) sent++;
            }
        }
        return sent;
    }

    private static OutgoingMessage push(int i) {
        UUID delivery = UUID.randomUUID();
        return new OutgoingMessage(delivery, delivery.toString(), new CitizenId(UUID.randomUUID()), "bench-device-" + i,
                "Vigie", "Du nouveau vous attend dans votre espace santé.", null, "https://vigie.example/espace");
    }
}
