package io.kondo.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses kondo;

    @BeforeAll
    static void importClasses() {
        kondo = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kondo");
    }

    @Test
    void coreIsPureAndDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("io.kondo.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.kondo.core..", "java..", "javax.crypto..")
                .check(kondo);
    }

    @Test
    void onlyTheProtocolModuleTouchesKafkaMessageClasses() {
        noClasses().that().resideOutsideOfPackage("io.kondo.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka.common.message..", "org.apache.kafka.common.requests..",
                        "org.apache.kafka.common.record..", "org.apache.kafka.common.protocol..")
                .allowEmptyShould(true)
                .check(kondo);
    }

    @Test
    void onlyTheGatewayAndHttpProxyUseNetty() {
        noClasses().that().resideOutsideOfPackages("io.kondo.gateway..", "io.kondo.httpproxy..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(kondo);
    }

    @Test
    void nothingDependsOnTheAppOrTheEmbeddedCluster() {
        noClasses().that().resideOutsideOfPackage("io.kondo.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kondo.app..")
                .check(kondo);
        noClasses().that().resideOutsideOfPackages("io.kondo.app..", "io.kondo.embedded..", "io.kondo.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kondo.embedded..", "io.kondo.simulator..")
                .check(kondo);
    }

    @Test
    void tenantMetadataKnowsNothingOfTheComponentsThatReadIt() {
        noClasses().that().resideInAPackage("io.kondo.metadata..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.kondo.controlplane..", "io.kondo.gateway..", "io.kondo.httpproxy..", "io.kondo.operations..")
                .check(kondo);
    }

    @Test
    void theControlPlaneApiLeaksNoHttpFrameworkIntoTenantOperations() {
        noClasses().that().resideInAnyPackage("io.kondo.controlplane.tenants..", "io.kondo.controlplane.backing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.kondo.controlplane.http..")
                .check(kondo);
    }
}
