package dev.kept;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule: the core (promise, nudge, feedback, insight, privacy, chat) knows nothing of Slack,
 * Teams, Redis or any adapter; adapters depend on the core, never the other way round, and not on each other.
 */
@AnalyzeClasses(packages = "dev.kept", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CORE = {"dev.kept.inbox..", "dev.kept.promise..", "dev.kept.nudge..", "dev.kept.feedback..",
            "dev.kept.insight..", "dev.kept.privacy..", "dev.kept.chat.."};

    @ArchTest
    static final ArchRule coreIsFreeOfSlackAndRedis = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.slack..", "org.springframework.data.redis..", "io.lettuce..", "redis.embedded..",
                    "jakarta.servlet..", "org.springframework.web..")
            .because("the core is platform-neutral; adapters translate to and from it");

    @ArchTest
    static final ArchRule coreDoesNotUseAdapters = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.kept.slack..", "dev.kept.store..", "dev.kept.playground..",
                    "dev.kept.teams..")
            .because("the core owns its ports and adapters implement them");

    @ArchTest
    static final ArchRule slackDoesNotReachIntoTheStore = noClasses().that().resideInAPackage("dev.kept.slack..")
            .should().dependOnClassesThat().resideInAPackage("dev.kept.store..")
            .because("adapters meet only through the core's ports");

    @ArchTest
    static final ArchRule slackDoesNotUseThePlayground = noClasses().that().resideInAPackage("dev.kept.slack..")
            .should().dependOnClassesThat().resideInAPackage("dev.kept.playground..")
            .because("adapters meet only through the core's ports");

    @ArchTest
    static final ArchRule playgroundDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("dev.kept.playground..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kept.slack..", "dev.kept.store..", "com.slack..",
                    "org.springframework.data.redis..", "io.lettuce..")
            .because("the playground is an adapter of the core: it reaches Redis only through the core's ports");

    @ArchTest
    static final ArchRule teamsDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("dev.kept.teams..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kept.slack..", "dev.kept.store..",
                    "dev.kept.playground..", "com.slack..", "org.springframework.data.redis..", "io.lettuce..")
            .because("the Teams adapter meets the others only through the core's ports");

    @ArchTest
    static final ArchRule otherAdaptersDoNotUseTeams = noClasses().that().resideInAnyPackage("dev.kept.slack..",
                    "dev.kept.store..", "dev.kept.playground..")
            .should().dependOnClassesThat().resideInAPackage("dev.kept.teams..")
            .because("adapters meet only through the core's ports");

    @ArchTest
    static final ArchRule storeDoesNotKnowThePlayground = noClasses().that().resideInAPackage("dev.kept.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.kept.playground..")
            .because("adapters meet only through the core's ports");

    @ArchTest
    static final ArchRule storeDoesNotKnowSlack = noClasses().that().resideInAPackage("dev.kept.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kept.slack..", "com.slack..")
            .because("adapters meet only through the core's ports");
}
