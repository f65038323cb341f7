package org.vigie.platform.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.vigie.engine.evaluation.RuleSet;

/**
 * The one home of the rule sets: the version in force now ({@link #live()}), and any version known
 * to this node by its id ({@link #version(String)}, e.g. {@code default@2026.1}), the id every
 * decision and every stored recommendation records. Whoever evaluates takes a version here once and
 * keeps it for the whole of its work: a sweep runs wholly on the version it started with, whatever
 * is put in force meanwhile ({@link #publish}). A version put out of force stays readable by its id.
 *
 * <p>The first version, the rule base shipped on the class path, is built in the background while
 * the database starts (both take seconds); taking a version waits for it, and a broken rule base
 * stops the start-up ({@link EvaluationConfiguration}).
 */
public final class RuleSets implements AutoCloseable {

    private final CompletableFuture<RuleSet> first;
    private final Map<String, RuleSet> versions = new ConcurrentHashMap<>();
    private final List<RuleSet> all = new CopyOnWriteArrayList<>();
    private volatile RuleSet live;

    private RuleSets(CompletableFuture<RuleSet> first) {
        this.first = first;
    }

    /** A home whose first version is built on a thread of its own, starting now. */
    static RuleSets buildingInBackground(Supplier<RuleSet> first) {
        CompletableFuture<RuleSet> built = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                built.complete(first.get());
            } catch (Throwable e) {
                built.completeExceptionally(e);
            }
        }, "rule-set-build");
        builder.setDaemon(true);
        RuleSets home = new RuleSets(built);
        builder.start();
        return home;
    }

    /** The version in force now. */
    public RuleSet live() {
        RuleSet now = live;
        return now != null ? now : firstVersion();
    }

    /** The version of that id, if this node knows it (the one in force or one put out of force). */
    public Optional<RuleSet> version(String id) {
        live();
        return Optional.ofNullable(versions.get(id));
    }

    /**
     * The version of that id, for work that must run wholly on it (a sweep's chunk).
     *
     * @throws UnknownRuleSetVersion when this node does not know it
     */
    public RuleSet require(String id) {
        return version(id).orElseThrow(() -> new UnknownRuleSetVersion(id));
    }

    /**
     * Puts a version in force for whoever takes one from now on; work under way keeps the version it
     * took. The version in force before stays readable by its id. (Publication by the committee is
     * to come: this is its seam.)
     */
    public void publish(RuleSet version) {
        firstVersion();
        synchronized (this) {
            RuleSet known = versions.putIfAbsent(version.id(), version);
            if (known == null) all.add(version);
            live = versions.get(version.id());
        }
    }

    private RuleSet firstVersion() {
        RuleSet version;
        try {
            version = first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule set was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
        synchronized (this) {
            if (live == null) {
                versions.put(version.id(), version);
                all.add(version);
                live = version;
            }
        }
        return live;
    }

    /** Closes every version: nothing evaluates any more (the executors are shut down first). */
    @Override
    public void close() {
        RuleSet built = first.isDone() && !first.isCompletedExceptionally() ? first.join() : null;
        if (built != null && !all.contains(built)) built.close();
        for (RuleSet version : all) version.close();
    }

    /** A version this node does not know: the work that asked for it cannot run here. */
    public static final class UnknownRuleSetVersion extends IllegalStateException {
        UnknownRuleSetVersion(String id) {
            super("rule set " + id + " is not known on this node");
        }
    }
}
