package dev.kept.slack;

import dev.kept.Platform;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.util.List;

/** Slack, registered in {@code META-INF/spring.factories}: on when any Slack setting is given. */
public final class SlackPlatform implements Platform {

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public List<String> settings() {
        return List.of("kept.slack.bot-token", "kept.slack.app-token", "kept.slack.signing-secret");
    }

    @Override
    public Class<?> configuration() {
        return Adapter.class;
    }

    /** Everything in {@code dev.kept.slack}. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = SlackPlatform.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Adapter {
    }
}
