package org.vigie.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VigieApplication.class);

    @Test
    void keepsModulesApartAndFreeOfCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // into target/spring-modulith-docs
        new Documenter(modules).writeDocumentation();
    }
}
