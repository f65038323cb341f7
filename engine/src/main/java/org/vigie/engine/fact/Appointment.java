package org.vigie.engine.fact;

import java.time.LocalDate;

/** An appointment of the space's agenda. */
public record Appointment(AppointmentKind kind, LocalDate date, AppointmentStatus status, Source source,
                          boolean hiddenFromRepresentatives) implements Fact {

    public Appointment {
        source = Fact.orDefault(source, Source.AGENDA);
        status = status == null ? AppointmentStatus.SCHEDULED : status;
    }

    @Override
    public Appointment withoutProvenance() {
        return new Appointment(kind, date, status, null, false);
    }

}
