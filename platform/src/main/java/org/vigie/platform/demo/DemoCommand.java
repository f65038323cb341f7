package org.vigie.platform.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.cli.Options;
import org.vigie.platform.population.GenerateCommand;
import org.vigie.platform.sweep.Sweep;
import org.vigie.platform.sweep.SweepRequest;
import org.vigie.platform.sweep.SweepStatus;
import org.vigie.platform.sweep.Sweeps;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code demo [--citizens N] [--seed S] [--once]}: starts an embedded SMTP server, then the whole
 * application on a fresh embedded database (data/demo) with the local FCM endpoint, generates a
 * population, sweeps every campaign, lets delivery send what is due, prints where to look, and
 * leaves the server running — or, with {@code --once}, prints a JSON summary as its last line and
 * exits. Other arguments are Spring settings and win over the demo's.
 */
public final class DemoCommand {

    public static final String SYNOPSIS = "demo [--citizens N] [--seed S] [--once]";
    public static final String SUMMARY = "Runs everything on embedded defaults: a generated population, a sweep of every campaign, "
            + "e-mail and push delivery to local servers; leaves the server running (or --once: one cycle, a JSON summary).";

    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private DemoCommand() {
    }

    /** Runs the demo of {@code application} (the Spring Boot application class: passed in, so this module does not depend on it). */
    public static int run(Class<?> application, List<String> args, PrintStream out, PrintStream err) {
        int citizens;
        long seed;
        boolean once;
        List<String> settings;
        try {
            Options options = Options.parse("demo", SYNOPSIS, args,
                    Options.Accepted.values("--citizens", "--seed").andFlags("--once").andSpringSettings());
            citizens = options.integer("--citizens", 10_000);
            seed = options.longInteger("--seed", 1);
            once = options.flag("--once");
            settings = options.springSettings();
            if (citizens < 1) throw options.refused("--citizens must be at least 1");
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        long start = System.nanoTime();
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Map<String, String> spring = new LinkedHashMap<>();
        spring.put("vigie.demo.enabled", "true");
        // warnings only, on stderr, as every command: stdout carries what the demo says, its summary last
        spring.put("logging.config", "classpath:vigie/cli-logback.xml");
        spring.put("vigie.embedded-postgres.data-directory", "data/demo");
        spring.put("vigie.embedded-postgres.reset", "true");
        spring.put("spring.mail.host", "127.0.0.1");
        spring.put("spring.mail.port", String.valueOf(mail.getSmtp().getPort()));
        spring.put("vigie.delivery.jobs", "true");
        spring.put("vigie.push.fcm.local-endpoint.enabled", "true");
        spring.put("vigie.push.fcm.local-endpoint.port", String.valueOf(freePort()));
        // a demonstration shows its e-mails now, whatever the hour
        spring.put("vigie.delivery.quiet-from", "00:00");
        spring.put("vigie.delivery.quiet-until", "00:00");
        // the caller's settings win: Spring would otherwise join two values of one key with a comma
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            spring.put(setting.substring(2, equals), setting.substring(equals + 1));
        }
        SpringApplication app = new SpringApplication(application);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("demoMailServer", mail));
        ConfigurableApplicationContext context;
        try {
            context = app.run(spring.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        } catch (RuntimeException e) {
            mail.stop();
            err.println("demo: the application did not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) closed.countDown();
        });
        try {
            Map<String, Object> summary = cycle(context, citizens, seed, err, start);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            printWhereToLook(out, port, context, mail);
            if (once) {
                out.println(JsonMapper.shared().writeValueAsString(summary));
                return 0;
            }
            err.println("demo: the server keeps running; stop it with Ctrl-C");
            closed.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        } finally {
            if (once || !context.isActive()) {
                context.close();
                mail.stop();
            }
        }
    }

    /** Generates, sweeps, waits for delivery; answers the summary. */
    private static Map<String, Object> cycle(ConfigurableApplicationContext context, int citizens, long seed, PrintStream err,
                                             long start) throws InterruptedException {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        int status = GenerateCommand.run(context, List.of("--citizens", String.valueOf(citizens), "--seed", String.valueOf(seed)),
                new ByteArrayInputStream(new byte[0]), new PrintStream(generated, true, StandardCharsets.UTF_8), err);
        if (status != 0) throw new IllegalStateException("the population was not generated");
        err.println("demo: population generated " + generated.toString(StandardCharsets.UTF_8).strip());

        Sweeps sweeps = context.getBean(Sweeps.class);
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        long id = sweeps.start(SweepRequest.all(today, "demo")).id();
        until(() -> sweeps.find(id).map(s -> s.status() != SweepStatus.RUNNING).orElse(true), "the sweep to finish");
        Sweep sweep = sweeps.find(id).orElseThrow();
        err.println("demo: sweep " + id + " " + sweep.status() + ", " + sweep.citizensEvaluated() + " citizens evaluated");

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        until(() -> count(jdbc, "select count(*) from event_publication where completion_date is null") == 0,
                "the deliveries to be planned");
        until(() -> count(jdbc, "select count(*) from delivery where status in ('QUEUED', 'FAILED') and next_attempt_at <= now()") == 0,
                "the deliveries due now to be sent");

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("citizens", count(jdbc, "select count(*) from citizen"));
        summary.put("evaluated", sweep.citizensEvaluated());
        Map<String, Long> recommendations = new LinkedHashMap<>();
        jdbc.sql("select key, count(*) from recommendation where status in ('OPEN', 'NOTIFIED', 'SEEN') group by key order by key")
                .query((rs, n) -> recommendations.put(rs.getString(1), rs.getLong(2))).list();
        summary.put("recommendations", recommendations);
        Map<String, Long> deliveries = new LinkedHashMap<>();
        for (String channel : List.of("EMAIL", "PUSH", "IN_APP")) {
            deliveries.put(channel, jdbc.sql("select count(*) from delivery where status = 'SENT' and channel = ?")
                    .param(channel).query(Long.class).single());
        }
        summary.put("deliveries", deliveries);
        summary.put("failed", count(jdbc, "select count(*) from delivery where status = 'DEAD'"));
        summary.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        return summary;
    }

    private static void printWhereToLook(PrintStream out, int port, ConfigurableApplicationContext context, GreenMail mail) {
        String base = "http://localhost:" + port;
        out.println("Vigie demo is running on " + base);
        out.println("  API (OpenAPI page)       " + base + "/swagger-ui.html");
        out.println("  e-mails received         " + base + DemoMailPage.PATH + "  (" + mail.getReceivedMessages().length + " so far)");
        context.getBeanProvider(FcmLocalEndpoint.class).ifAvailable(fcm ->
                out.println("  push messages received   " + fcm.url() + "/  (" + fcm.accepted() + " so far)"));
        out.println("  sweeps (operator)        curl -u operator:operator " + base + "/api/v1/sweeps");
        out.println("  a citizen's space        curl -u camille:camille " + base + "/api/v1/me");
        out.println("  her prevention           " + base + "/api/v1/spaces/<her space id>/feed, agenda, profile/alerts, messages, recommendations");
        out.println("  development accounts     camille, karim, committee, analyst, operator, ingestion (password = user name)");
    }

    private static void until(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gave up waiting for " + what);
            Thread.sleep(250);
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
