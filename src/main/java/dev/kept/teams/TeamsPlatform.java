package dev.kept.teams;

import dev.kept.Platform;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.util.List;

/** Teams, registered in {@code META-INF/spring.factories}: on when any Teams setting is given. */
public final class TeamsPlatform implements Platform {

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public List<String> settings() {
        return List.of("kept.teams.app-id", "kept.teams.app-password", "kept.teams.tenant-id");
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
