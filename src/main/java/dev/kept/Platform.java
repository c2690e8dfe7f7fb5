package dev.kept;

import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.util.List;

/**
 * A chat platform Kept can serve (Slack, Teams, …), as its adapter registers it: one line under
 * {@code dev.kept.Platform} in {@code META-INF/spring.factories}. Kept loads an adapter only when its settings
 * are given; with none given, the local playground runs instead ({@link KeptMode}). The adapter's package, and
 * everything under it, is left out of the application's own scan, and scanned by its {@link #configuration()}.
 *
 * <p>To the core, a platform is what it implements of the core's ports: {@code PlatformMessenger},
 * {@code PlatformDirectory}, {@code PlatformText} and {@code Outcome.Renderer}, with the {@code Inbox} as its way
 * in (docs/architecture.md, "Add a platform").
 */
public interface Platform {

    /** The platform's name, as {@code Workspace.platform()} carries it (e.g. {@code slack}). */
    String name();

    /** The settings that turn it on (e.g. {@code kept.slack.bot-token}): any of them given is enough. */
    List<String> settings();

    /** Whether any of its settings is given (a half-given platform then stops Kept, naming what is missing). */
    default boolean configured(Environment env) {
        return settings().stream().anyMatch(key -> set(env, key));
    }

    /** The adapter's {@code @Configuration}, imported when {@link #configured}; it scans the adapter's package. */
    Class<?> configuration();

    /** Every registered platform. */
    static List<Platform> all() {
        return SpringFactoriesLoader.loadFactories(Platform.class, Platform.class.getClassLoader());
    }

    /** The package of each registered platform's adapter (everything below it is the adapter's). */
    static List<String> packages() {
        return all().stream().map(p -> p.getClass().getPackageName()).toList();
    }

    /** Whether a setting is given: present and not blank. */
    static boolean set(Environment env, String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }
}
