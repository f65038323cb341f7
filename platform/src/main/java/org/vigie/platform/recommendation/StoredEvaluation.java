package org.vigie.platform.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.database.LostDatabase;

/**
 * The one way stored citizens are evaluated, for a re-evaluation's one citizen as for a sweep's
 * chunk: their snapshots read in bulk ({@link CitizenSpaces#snapshots}: a citizen whose data may not
 * serve prevention is read as their account alone, P2 and P8), then the engine decides on the date
 * with the version of the rule set given — and {@code Suppression.of}, in the engine, is the only
 * place that decides whether their rules run. A citizen whose own data fails the read or the
 * evaluation is isolated with the cause; the others are evaluated all the same. Runs inside the
 * caller's transaction (a savepoint per read that isolates).
 */
@Component
public class StoredEvaluation {

    private final CitizenSpaces spaces;
    private final TransactionTemplate savepoint;

    StoredEvaluation(CitizenSpaces spaces, PlatformTransactionManager transactions) {
        this.spaces = spaces;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A citizen the work could not evaluate: {@code cause} says at which step and why. */
    public record Failure(CitizenId citizen, String cause, Throwable error) {

        /** The innermost cause, which says what is wrong with the data (not the SQL that met it). */
        public static String causeOf(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    /**
     * What the evaluation gave: a decision per citizen evaluated; how many were skipped (a space not
     * created yet, or no longer stored); and the citizens that failed.
     */
    public record Result(List<Evaluated> evaluated, int skipped, List<Failure> failures) {

        public Result {
            evaluated = List.copyOf(evaluated);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Evaluates the stored citizens on {@code on} with {@code rules}, for {@code campaigns} only
     * ({@code null}: every campaign), in parallel on {@code pool} when one is given.
     *
     * @param why the reason traced for every citizen whose record is read (P9)
     */
    public Result evaluate(RuleSet rules, List<CitizenId> citizens, LocalDate on, Set<String> campaigns, String why, ForkJoinPool pool) {
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<CitizenId, Snapshot> snapshots = read(Actor.engine(rules.id()), citizens, why, failures);
        int unread = failures.size();
        List<Evaluated> evaluated = evaluate(rules, snapshots, on, campaigns, pool, failures);
        return new Result(evaluated, citizens.size() - snapshots.size() - unread, failures);
    }

    /**
     * Reads the snapshots in bulk; when that fails on the data (not on the database), reads them one
     * by one, each in a savepoint, to isolate the citizens at fault.
     */
    private Map<CitizenId, Snapshot> read(Actor engine, List<CitizenId> ids, String why, List<Failure> failures) {
        try {
            return savepoint.execute(s -> spaces.snapshots(engine, ids, why));
        } catch (RuntimeException e) {
            if (LostDatabase.causedBy(e)) throw e;
        }
        Map<CitizenId, Snapshot> snapshots = new LinkedHashMap<>();
        for (CitizenId id : ids) {
            try {
                snapshots.putAll(savepoint.execute(s -> spaces.snapshots(engine, List.of(id), why)));
            } catch (RuntimeException e) {
                if (LostDatabase.causedBy(e)) throw e;
                failures.add(new Failure(id, "read: " + Failure.causeOf(e), e));
            }
        }
        return snapshots;
    }

    /** Evaluates the snapshots; a snapshot the engine refuses, or fails on, is a failure of its citizen. */
    private static List<Evaluated> evaluate(RuleSet rules, Map<CitizenId, Snapshot> snapshots, LocalDate on, Set<String> campaigns,
                                            ForkJoinPool pool, List<Failure> failures) {
        List<Map.Entry<CitizenId, Snapshot>> entries = new ArrayList<>(snapshots.entrySet());
        Evaluated[] results = new Evaluated[entries.size()];
        Runnable all = () -> {
            IntStream indices = IntStream.range(0, entries.size());
            (pool == null ? indices : indices.parallel()).forEach(i -> {
                Map.Entry<CitizenId, Snapshot> e = entries.get(i);
                try {
                    results[i] = new Evaluated(e.getKey(), rules.evaluate(e.getValue(), on, campaigns));
                } catch (RuntimeException | StackOverflowError refused) {
                    failures.add(new Failure(e.getKey(), "evaluation on " + on + ": " + Failure.causeOf(refused), refused));
                }
            });
        };
        if (pool == null) {
            all.run();
        } else {
            try {
                pool.submit(all).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
            }
        }
        List<Evaluated> evaluated = new ArrayList<>(results.length);
        for (Evaluated r : results) if (r != null) evaluated.add(r);
        return evaluated;
    }
}
