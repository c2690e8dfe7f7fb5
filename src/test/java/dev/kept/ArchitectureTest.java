package dev.kept;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule: the core (inbox, promise, nudge, feedback, insight, privacy, chat) knows nothing of Slack,
 * Teams, Redis or any adapter; adapters depend on the core, never the other way round, and not on each other.
 * The adapters are the store, the playground and every registered {@link Platform}'s package, so a new platform
 * is held to the same rules without editing this test.
 */
@AnalyzeClasses(packages = "dev.kept", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CORE = {"dev.kept.inbox..", "dev.kept.promise..", "dev.kept.nudge..", "dev.kept.feedback..",
            "dev.kept.insight..", "dev.kept.privacy..", "dev.kept.chat.."};

    /** Each adapter's package: the Redis store, the playground, and each registered platform. */
    static final List<String> ADAPTERS = adapters();

    static List<String> adapters() {
        List<String> all = new ArrayList<>(List.of("dev.kept.store", "dev.kept.playground"));
        all.addAll(Platform.packages());
        return List.copyOf(all);
    }

    static String[] adapterPackages() {
        return ADAPTERS.stream().map(p -> p + "..").toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule coreIsFreeOfSlackAndRedis = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.slack..", "org.springframework.data.redis..", "io.lettuce..", "redis.embedded..",
                    "jakarta.servlet..", "org.springframework.web..")
            .because("the core is platform-neutral; adapters translate to and from it");

    @ArchTest
    static final ArchRule coreDoesNotUseAdapters = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(adapterPackages())
            .because("the core owns its ports and adapters implement them");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            for (String adapter : ADAPTERS) {
                if (javaClass.getPackageName().equals(adapter) || javaClass.getPackageName().startsWith(adapter + ".")) {
                    return SliceIdentifier.of(adapter);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the adapters " + ADAPTERS;
        }
    }).should().notDependOnEachOther()
            .because("adapters meet only through the core's ports");

    @ArchTest
    static final ArchRule onlySlackUsesTheSlackSdk = noClasses().that().resideOutsideOfPackage("dev.kept.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("only the Slack adapter speaks Slack");

    @ArchTest
    static final ArchRule onlyTheStoreUsesRedis = noClasses().that().resideOutsideOfPackages("dev.kept.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..",
                    "redis.embedded..")
            .because("the store is the one adapter that speaks Redis; the others reach it through the core's ports");

    @org.junit.jupiter.api.Test
    void theRegisteredPlatformsAreAmongTheAdapters() {
        org.assertj.core.api.Assertions.assertThat(ADAPTERS).contains("dev.kept.slack", "dev.kept.teams");
    }
}
