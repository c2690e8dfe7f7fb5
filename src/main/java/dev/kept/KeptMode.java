package dev.kept;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

/**
 * Which adapters run, decided once from the settings: each registered {@link Platform} whose settings are given
 * (a half-given platform still stops Kept with the exact variable to set); several may run at once. The
 * playground runs when no platform is configured at all, or when {@code KEPT_PLAYGROUND=true} asks for it
 * beside them.
 */
public final class KeptMode {

    private KeptMode() {
    }

    /** The registered platforms whose settings are given. */
    public static List<Platform> configured(Environment env) {
        return Platform.all().stream().filter(p -> p.configured(env)).toList();
    }

    public static boolean playgroundOn(Environment env) {
        return playgroundOnly(env) || env.getProperty("kept.playground.enabled", Boolean.class, false);
    }

    /** Kept runs as the playground alone: only then may the playground move the clock. */
    public static boolean playgroundOnly(Environment env) {
        return configured(env).isEmpty();
    }

    static final class PlaygroundOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return playgroundOn(context.getEnvironment());
        }
    }
}
