package dev.kept.teams;

import dev.kept.Platform;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

/** Teams, registered in {@code META-INF/spring.factories}: on when any Teams setting is given. */
public final class TeamsPlatform implements Platform {

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public boolean configured(Environment env) {
        return Platform.set(env, "kept.teams.app-id") || Platform.set(env, "kept.teams.app-password")
                || Platform.set(env, "kept.teams.tenant-id");
    }

    @Override
    public Class<?> configuration() {
        return Adapter.class;
    }

    /** Everything in {@code dev.kept.teams}. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = TeamsPlatform.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Adapter {
    }
}
