package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

/**
 * Evaluation does not depend on the calling thread's context class loader. Inside the Spring Boot
 * jar the application and Drools live in a class loader of their own, which the threads of a
 * fork-join pool do not have as their context class loader; Drools finds its runtime through that
 * loader. The test rebuilds that layout: the engine and Drools loaded afresh in a loader of their
 * own (so no earlier test has initialised Drools' runtime for them), the rule set built with it as
 * the context class loader, then evaluated first from a thread whose context class loader sees
 * nothing but the JDK.
 */
class ContextClassLoaderTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    @Test
    void evaluatesFromAThreadWhoseContextClassLoaderCannotSeeDrools() throws Exception {
        String expected = Probe.evaluate(Probe.build());
        assertThat(expected).contains("MammoDue");

        ClassLoader jdkOnly = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader application = new URLClassLoader("application", classPath(), jdkOnly)) {
            Class<?> probe = application.loadClass(Probe.class.getName());
            assertThat(probe.getClassLoader()).isSameAs(application);
            Object ruleSet = onThread(application, () -> probe.getMethod("build").invoke(null));

            AtomicReference<ClassLoader> afterwards = new AtomicReference<>();
            Object decision = onThread(jdkOnly, () -> {
                Object d = probe.getMethod("evaluate", Object.class).invoke(null, ruleSet);
                afterwards.set(Thread.currentThread().getContextClassLoader());
                return d;
            });

            assertThat(decision).isEqualTo(expected);
            assertThat(afterwards.get()).as("the caller's context class loader is given back").isSameAs(jdkOnly);
            onThread(application, () -> {
                ((AutoCloseable) ruleSet).close();
                return null;
            });
        }
    }

    /** Builds and evaluates inside whatever class loader loaded it; only JDK types cross over. */
    public static final class Probe {

        public static Object build() {
            return TestRuleBase.build("test-mammo");
        }

        public static String evaluate(Object ruleSet) {
            Snapshot snapshot = new Snapshot("c1", ON, CitizenFacts.builder(LocalDate.of(1970, 5, 20), Sex.F)
                    .acts(List.of()).build());
            return ((RuleSet) ruleSet).evaluate(snapshot, ON).toString();
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** Runs the work on a new thread with the given context class loader; rethrows what it threw. */
    private static Object onThread(ClassLoader contextLoader, Work work) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(work.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "probe");
        thread.setContextClassLoader(contextLoader);
        thread.start();
        thread.join();
        if (failure.get() != null) throw new AssertionError("failed on a thread with context class loader " + contextLoader,
                failure.get());
        return result.get();
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
            try {
                return Path.of(entry).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}
