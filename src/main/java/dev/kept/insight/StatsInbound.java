package dev.kept.insight;

import dev.kept.chat.Markup;
import dev.kept.chat.Outcome;
import dev.kept.promise.CommandVerb;
import dev.kept.promise.Invocation;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** {@code /promise stats} (or {@code stats} in a DM): how the person asking is doing, privately. */
@Component
class StatsInbound implements CommandVerb {

    private final InsightService insight;

    StatsInbound(InsightService insight) {
        this.insight = insight;
    }

    @Override
    public Set<String> verbs() {
        return Set.of("stats");
    }

    @Override
    public Outcome run(Invocation in, String args) {
        return Outcome.reply(insight.statsMessage(in.invoker()));
    }

    @Override
    public List<Markup> help() {
        return List.of(Markup.builder().code("/promise stats").plain(": how you're doing, this month and all time")
                .build());
    }
}
