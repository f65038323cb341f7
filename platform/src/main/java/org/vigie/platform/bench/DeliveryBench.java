package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.round;
import static org.vigie.platform.cli.BenchFigures.seconds;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Contact;
import org.vigie.platform.citizen.MandatoryNotification;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.ContextLauncher;
import org.vigie.platform.cli.Options;
import org.vigie.platform.delivery.DeliverySettings;
import org.vigie.platform.delivery.Dispatcher;
import org.vigie.platform.delivery.Notifications;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.SendOutcome;
import org.vigie.platform.delivery.internal.email.EmailSender;
import org.vigie.platform.recommendation.Evaluated;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.templates.NotificationMessages;

/**
 * {@code vigie.jar bench-delivery [--messages N] [--citizens N] [--events N] [--connections K]}: delivery
 * figures, one JSON line each: e-mails/s over pooled connections and over a new connection per
 * message, to a local sink that keeps nothing ({@link SmtpSink}: the sender's own rate) and to a real
 * SMTP server with mailboxes (GreenMail, on the same cores), the dispatcher end to
 * end (outbox → screening → SMTP → recorded), and the latency from a committed
 * {@code RecommendationsChanged} to its deliveries queued, for one citizen and for a sweep's chunk.
 * Runs on a temporary embedded database with the background jobs off. A benchmark to run by hand.
 */
public final class DeliveryBench {

    public static final String SYNOPSIS = "bench-delivery [--messages N] [--citizens N] [--events N] [--connections K]";
    public static final String SUMMARY = "Measures e-mail throughput to a local SMTP server and event-to-queued latency.";
    /** Spring settings the bench runs with, before the caller's. */
    static final List<String> DEFAULTS = List.of("--vigie.delivery.jobs=false", "--vigie.embedded-postgres.temporary=true");

    private static final Actor BENCH = Actor.operator("bench-delivery");

    private DeliveryBench() {
    }

    /**
     * The command. GreenMail starts before the application, on a free port given to it as
     * {@code spring.mail.*}, so that the application's own dispatcher and e-mail sender (with
     * {@code --connections} pooled connections) send to it.
     */
    public static Command command(ContextLauncher launcher) {
        return Command.of(SYNOPSIS, SUMMARY, (args, in, out, err) -> {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                List<String> all = new ArrayList<>(DEFAULTS);
                all.add("--spring.mail.host=127.0.0.1");
                all.add("--spring.mail.port=" + port);
                connectionsGiven(args).ifPresent(k -> all.add("--vigie.delivery.smtp-connections=" + k));
                all.addAll(args);
                return launcher.launch(SYNOPSIS, SUMMARY, (context, own, i, o, e) -> run(context, own, smtp, port, o, e))
                        .run(all, in, out, err);
            } finally {
                smtp.stop();
            }
        });
    }

    /** The value of {@code --connections K} (or {@code --connections=K}) when it is a count; else the options report it. */
    private static Optional<Integer> connectionsGiven(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).equals("--connections") && i + 1 < args.size() ? args.get(i + 1)
                    : args.get(i).startsWith("--connections=") ? args.get(i).substring("--connections=".length()) : null;
            if (value != null && value.matches("[1-9][0-9]{0,3}")) return Optional.of(Integer.parseInt(value));
        }
        return Optional.empty();
    }

    private static int run(ConfigurableApplicationContext context, List<String> args, GreenMail smtp, int port, PrintStream out,
                           PrintStream err) throws Exception {
        DeliverySettings settings = context.getBean(DeliverySettings.class);
        int messages;
        int citizens;
        int events;
        int connections;
        try {
            Options options = Options.parse("bench-delivery", SYNOPSIS, args,
                    Options.Accepted.values("--messages", "--citizens", "--events", "--connections"));
            messages = options.integer("--messages", 20_000);
            citizens = options.integer("--citizens", 1_000);
            events = options.integer("--events", 300);
            connections = options.integer("--connections", settings.smtpConnections());
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        EmailSender pooled = new EmailSender(mail, settings.from(), connections);
        try (SmtpSink sink = new SmtpSink()) {
            JavaMailSenderImpl toSink = new JavaMailSenderImpl();
            toSink.setHost("127.0.0.1");
            toSink.setPort(sink.port());
            EmailSender pooledToSink = new EmailSender(toSink, settings.from(), connections);
            emailThroughput("email_pooled_to_sink", pooledToSink, toSink, settings, messages, connections, out);
            pooledToSink.destroy();
            emailThroughput("email_pooled_to_greenmail", pooled, mail, settings, messages, connections, out);
            smtp.reset();
            List<CitizenId> people = citizens(context, citizens);
            endToEnd(context, context.getBean(Dispatcher.class), people, smtp, out);
            latency(context, people, events, out);
        } finally {
            pooled.destroy();
        }
        return 0;
    }

    private static void emailThroughput(String figure, EmailSender pooled, JavaMailSenderImpl mail, DeliverySettings settings,
                                        int messages, int connections, PrintStream out) throws Exception {
        // what a recommendation's e-mail says (delivery renders it in French, the bundle's base language)
        NotificationMessages.Mail content = NotificationMessages.mail(NotificationMessages.Notice.NEW_IN_SPACE, settings.link(),
                Locale.FRENCH);
        List<OutgoingMessage> all = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            all.add(new OutgoingMessage(UUID.randomUUID(), "bench." + i, new CitizenId(UUID.randomUUID()), "citizen" + i + "@example.org",
                    content.subject(), content.text(), content.html(), settings.link()));
        }
        pooled.send(all.subList(0, Math.min(1_000, messages))); // warm-up: connections open, classes loaded
        long start = System.nanoTime();
        long sent = 0;
        for (int from = 0; from < messages; from += 500) {
            sent += pooled.send(all.subList(from, Math.min(messages, from + 500))).stream()
                    .filter(o -> o.kind() == SendOutcome.Kind.SENT).count();
        }
        double seconds = seconds(start);
        figure(out, figure, Map.of("messages", messages, "sent", sent, "connections", connections,
                "messagesPerSecond", Math.round(sent / seconds), "seconds", round(seconds)));

        // the baseline: Spring's JavaMailSender, one connection per send call
        int single = Math.min(300, messages);
        EmailSender oneShot = new EmailSender(mail, settings.from(), 1);
        start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            oneShot.send(List.of(all.get(i)));
            oneShot.destroy();
            oneShot = new EmailSender(mail, settings.from(), 1);
        }
        seconds = seconds(start);
        oneShot.destroy();
        figure(out, figure.replace("pooled", "connection_per_message"), Map.of("messages", single, "messagesPerSecond", Math.round(single / seconds),
                "seconds", round(seconds)));
    }

    /** Activated spaces with an e-mail address, stored through the citizen services; waits for their re-evaluations. */
    private static List<CitizenId> citizens(ConfigurableApplicationContext context, int count) {
        CitizenSpaces spaces = context.getBean(CitizenSpaces.class);
        long start = System.nanoTime();
        List<CitizenId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String externalId = "bench-" + UUID.randomUUID();
            CitizenId id = spaces.register(BENCH, new Registration(externalId, LocalDate.of(1980, 1, 1), Sex.M,
                    new Contact(externalId + "@example.org", null), Instant.parse("2022-01-03T08:00:00Z")));
            spaces.importSnapshot(BENCH, externalId, SnapshotJson.read("{\"citizenId\":\"" + externalId + "\",\"citizen\":"
                    + "{\"birthDate\":\"1980-01-01\",\"sex\":\"M\",\"accountStatus\":\"ACTIVATED\"}}").citizen(), "benchmark");
            ids.add(id);
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            sleep(50);
        }
        System.err.printf("bench-delivery: %d citizens stored in %.1f s%n", count, seconds(start));
        return ids;
    }

    /** One mandatory notification each (an e-mail and a centre entry), then the outbox drained by the dispatcher. */
    private static void endToEnd(ConfigurableApplicationContext context, Dispatcher dispatcher, List<CitizenId> citizens, GreenMail smtp,
                                 PrintStream out) {
        Notifications notifications = context.getBean(Notifications.class);
        dispatcher.dispatchOnce();
        while (dispatcher.dispatchOnce() > 0) {
            // what the citizens' own recommendations planned: not measured
        }
        int before = smtp.getReceivedMessages().length;
        for (CitizenId c : citizens) notifications.mandatory(c, MandatoryNotification.DOCUMENT_ADDED_TO_DMP, "bench");
        long start = System.nanoTime();
        long deliveries = 0;
        int claimed;
        while ((claimed = dispatcher.dispatchOnce()) > 0) deliveries += claimed;
        double seconds = seconds(start);
        int emails = smtp.getReceivedMessages().length - before;
        figure(out, "dispatch_end_to_end", Map.of("deliveries", deliveries, "emails", emails,
                "deliveriesPerSecond", Math.round(deliveries / seconds), "emailsPerSecond", Math.round(emails / seconds),
                "seconds", round(seconds)));
    }

    /** From a committed reconciliation to its deliveries in the outbox. */
    private static void latency(ConfigurableApplicationContext context, List<CitizenId> citizens, int events, PrintStream out) {
        Recommendations recommendations = context.getBean(Recommendations.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        long[] micros = new long[events];
        for (int i = 0; i < events; i++) {
            CitizenId c = citizens.get(i % citizens.size());
            UUID opened = recommendations.reconcile(List.of(evaluated(c, today, today.minusDays(i + 1))))
                    .opened().get(0).recommendation();
            long start = System.nanoTime();
            while (jdbc.sql("select count(*) from delivery where recommendation_id = ?").param(opened).query(Long.class).single() == 0) {
                Thread.onSpinWait();
            }
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        figure(out, "event_to_queued", Map.of("events", events, "p50Millis", micros[events / 2] / 1000.0,
                "p99Millis", micros[Math.min(events - 1, (int) Math.ceil(events * 0.99) - 1)] / 1000.0,
                "maxMillis", micros[events - 1] / 1000.0));

        List<Evaluated> chunk = new ArrayList<>();
        for (CitizenId c : citizens) chunk.add(evaluated(c, today, today.minusDays(events + 1)));
        long start = System.nanoTime();
        int opened = recommendations.reconcile(chunk).opened().size();
        double reconciled = seconds(start);
        while (jdbc.sql("select count(distinct recommendation_id) from delivery where created_at >= now() - interval '1 hour' "
                + "and recommendation_id in (select id from recommendation where due_from = ?)").param(today.minusDays(events + 1))
                .query(Long.class).single() < opened) {
            sleep(5);
        }
        figure(out, "chunk_to_queued", Map.of("citizens", chunk.size(), "recommendationsOpened", opened,
                "reconcileSeconds", round(reconciled), "queuedSecondsAfterCommit", round(seconds(start) - reconciled)));
    }

    private static Evaluated evaluated(CitizenId c, LocalDate on, LocalDate dueFrom) {
        Recommendation r = new Recommendation("BENCH_CHECKUP", "bench", "bench rule", dueFrom, null, List.of("benchmark"),
                List.of(DataCategory.IDENTITY));
        return new Evaluated(c, new Decision(c.toString(), on, "bench@1", null, List.of(r)));
    }

    private static void figure(PrintStream out, String name, Map<String, Object> values) {
        Map<String, Object> line = new LinkedHashMap<>(values);
        line.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        BenchFigures.print(out, name, line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
