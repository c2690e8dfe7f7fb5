package dev.kept;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which adapters run, decided once from the settings: Slack when any Slack setting is given, Teams when
 * any Teams setting is given (a half-given platform still stops Kept with the exact variable to set);
 * both may run at once. The playground runs when no platform is configured at all, or when
 * {@code KEPT_PLAYGROUND=true} asks for it beside them.
 */
public final class KeptMode {

    private KeptMode() {
    }

    public static boolean slackConfigured(Environment env) {
        return set(env, "kept.slack.bot-token") || set(env, "kept.slack.app-token")
                || set(env, "kept.slack.signing-secret");
    }

    public static boolean teamsConfigured(Environment env) {
        return set(env, "kept.teams.app-id") || set(env, "kept.teams.app-password") || set(env, "kept.teams.tenant-id");
    }

    public static boolean playgroundOn(Environment env) {
        return playgroundOnly(env) || env.getProperty("kept.playground.enabled", Boolean.class, false);
    }

    /** Kept runs as the playground alone: only then may the playground move the clock. */
    public static boolean playgroundOnly(Environment env) {
        return !slackConfigured(env) && !teamsConfigured(env);
    }

    private static boolean set(Environment env, String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }

    static final class SlackOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return slackConfigured(context.getEnvironment());
        }
    }

    static final class TeamsOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return teamsConfigured(context.getEnvironment());
        }
    }

    static final class PlaygroundOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return playgroundOn(context.getEnvironment());
        }
    }
}
