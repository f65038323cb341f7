package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.Source;
import org.vigie.platform.input.StorableInput;

/**
 * The agenda of a space (docs/space-sources.md#agenda): the appointments, which are facts of the contract, and
 * the reminders the holder sets, which are not. Reads and writes are traced.
 */
@Service
public class Agenda {

    private final JdbcClient jdbc;
    private final CitizenTable citizens;
    private final SpaceFacts facts;
    private final Traces traces;
    private final Clock clock;

    Agenda(JdbcClient jdbc, CitizenTable citizens, SpaceFacts facts, Traces traces, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.facts = facts;
        this.traces = traces;
        this.clock = clock;
    }

    /** The appointments (as stored facts, by date) and the reminders (by time) the actor may see. */
    public record Entries(List<StoredFact> appointments, List<Reminder> reminders) {
    }

    @Transactional
    public Entries entries(Actor actor, CitizenId citizen, String why) {
        List<StoredFact> appointments = facts.facts(actor, citizen, why).stream()
                .filter(f -> f.fact() instanceof Appointment).toList();
        List<Reminder> reminders = jdbc.sql("""
                        select id, title, due_at, source, author, hidden_from_representatives, created_at
                        from agenda_reminder where citizen_id = ? order by due_at, id""")
                .param(citizen.value())
                .query((rs, n) -> new Reminder(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Source.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
                .list().stream()
                .filter(r -> actor.kind() != Actor.Kind.REPRESENTATIVE || !r.hiddenFromRepresentatives())
                .toList();
        traces.record(actor, citizen, "read agenda reminders", why);
        return new Entries(appointments, reminders);
    }

    @Transactional
    public Reminder addReminder(Actor actor, CitizenId citizen, String title, Instant dueAt, boolean hiddenFromRepresentatives,
                                String why) {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a reminder needs a title");
        if (title.length() > Reminder.MAX_TITLE) {
            throw new IllegalArgumentException("a reminder's title has at most " + Reminder.MAX_TITLE + " characters");
        }
        if (dueAt == null) throw new IllegalArgumentException("a reminder needs a time");
        StorableInput.check(title, "title");
        StorableInput.check(dueAt, "dueAt");
        citizens.lock(citizen);
        Instant now = clock.instant();
        Reminder reminder = new Reminder(UUID.randomUUID(), title.strip(), dueAt, Source.SELF, actor.name(),
                hiddenFromRepresentatives, now);
        jdbc.sql("""
                        insert into agenda_reminder (id, citizen_id, title, due_at, source, author, hidden_from_representatives,
                        created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reminder.id(), citizen.value(), reminder.title(), CitizenTable.ts(dueAt), Source.SELF.name(),
                        actor.name(), hiddenFromRepresentatives, CitizenTable.ts(now), CitizenTable.ts(now))
                .update();
        traces.record(actor, citizen, "added agenda reminder", why);
        return reminder;
    }

    /**
     * The reminders due in [{@code from}, {@code to}) and the scheduled appointments dated from
     * {@code firstDay} to {@code lastDay}, of every space, for the notifications of the agenda. An
     * entry hidden from the representatives is left out: the insurer's contact may be a
     * representative's.
     */
    @Transactional(readOnly = true)
    public List<AgendaItem> comingUp(Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
        List<AgendaItem> items = new ArrayList<>(jdbc.sql("""
                        select id, citizen_id, due_at from agenda_reminder
                        where due_at >= ? and due_at < ? and not hidden_from_representatives""")
                .params(CitizenTable.ts(from), CitizenTable.ts(to))
                .query((rs, n) -> new AgendaItem(AgendaItem.Kind.REMINDER, rs.getObject(1, UUID.class),
                        new CitizenId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant(), null))
                .list());
        items.addAll(jdbc.sql("""
                        select id, citizen_id, date from appointment
                        where date between ? and ? and status = 'SCHEDULED' and not hidden_from_representatives""")
                .params(firstDay, lastDay)
                .query((rs, n) -> new AgendaItem(AgendaItem.Kind.APPOINTMENT, rs.getObject(1, UUID.class),
                        new CitizenId(rs.getObject(2, UUID.class)), null, rs.getObject(3, LocalDate.class)))
                .list());
        return items;
    }

    /** Those of {@code items} still in the agenda as they were: not removed, not moved, an appointment still scheduled. */
    @Transactional(readOnly = true)
    public Set<AgendaItem> stillScheduled(Collection<AgendaItem> items) {
        if (items.isEmpty()) return Set.of();
        UUID[] ids = items.stream().map(AgendaItem::id).toArray(UUID[]::new);
        Set<AgendaItem> now = new HashSet<>(jdbc.sql(
                        "select id, citizen_id, due_at from agenda_reminder where id = any(?) and not hidden_from_representatives")
                .param(ids)
                .query((rs, n) -> new AgendaItem(AgendaItem.Kind.REMINDER, rs.getObject(1, UUID.class),
                        new CitizenId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant(), null))
                .list());
        now.addAll(jdbc.sql("select id, citizen_id, date from appointment where id = any(?) and status = 'SCHEDULED' "
                        + "and not hidden_from_representatives")
                .param(ids)
                .query((rs, n) -> new AgendaItem(AgendaItem.Kind.APPOINTMENT, rs.getObject(1, UUID.class),
                        new CitizenId(rs.getObject(2, UUID.class)), null, rs.getObject(3, LocalDate.class)))
                .list());
        return items.stream().filter(now::contains).collect(Collectors.toSet());
    }

    /** Removes a reminder of the space; false if there is no such reminder (a representative cannot remove a hidden one). */
    @Transactional
    public boolean removeReminder(Actor actor, CitizenId citizen, UUID reminder, String why) {
        citizens.lock(citizen);
        int removed = jdbc.sql("delete from agenda_reminder where id = ? and citizen_id = ?"
                        + (actor.kind() == Actor.Kind.REPRESENTATIVE ? " and not hidden_from_representatives" : ""))
                .params(reminder, citizen.value()).update();
        if (removed > 0) traces.record(actor, citizen, "removed agenda reminder", why);
        return removed > 0;
    }
}
