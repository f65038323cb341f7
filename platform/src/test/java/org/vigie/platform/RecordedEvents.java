package org.vigie.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.ConsentChanged;
import org.vigie.platform.citizen.FactsChanged;
import org.vigie.platform.citizen.PreventionOptOutChanged;

/**
 * A listener of the citizen events, as later features will be: Spring Modulith records a
 * publication for it in the event publication registry, and completes it once the listener ran.
 */
public class RecordedEvents {

    private final List<Object> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(FactsChanged event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(ConsentChanged event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(PreventionOptOutChanged event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(AccountStatusChanged event) {
        received.add(event);
    }

    public List<Object> received() {
        return List.copyOf(received);
    }
}
