package dev.kept.bench;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.kept.chat.Markup;
import dev.kept.promise.ActionIds;
import dev.kept.chat.Message;
import dev.kept.slack.BlockKitRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rendering the core's neutral {@link Message} to Block Kit with {@link BlockKitRenderer#blocks}, and
 * serializing the blocks to JSON with the Slack SDK's snake-case Gson, as the SDK does for
 * {@code chat.postMessage}. Two typical messages, built with the public {@code Message}/{@code Markup} API
 * in the shapes Kept sends (see {@code PromiseMessages.promiseMadeToYou} and {@code PromiseListAndHelp.list}):
 * <ul>
 *   <li>{@code dm}: the receiver's DM about a new promise: headline with a mention and the promise in bold,
 *       Due/Promise fields, what matters, a note, two buttons;</li>
 *   <li>{@code list15}: {@code /promise list} with 15 open promises (10 made, each with a button, 5 received).</li>
 * </ul>
 * Building the {@code Message} is not measured; it happens once in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BlockKitRenderBench {

    private Gson gson;
    private Message dm;
    private Message list15;

    @Setup
    public void setUp() {
        gson = GsonFactory.createSnakeCase();
        dm = promiseDm();
        list15 = list(10, 5);
        String json = gson.toJson(BlockKitRenderer.blocks(list15));
        // the SDK's Gson escapes < and > as \u003c and \u003e, as it does when it posts
        if (!json.contains("\"action_id\"") || !json.contains("@U222") || !json.contains("*overdue*")) {
            throw new IllegalStateException("unexpected Block Kit JSON: " + json);
        }
    }

    @Benchmark
    public List<LayoutBlock> dmBlocks() {
        return BlockKitRenderer.blocks(dm);
    }

    @Benchmark
    public String dmJson() {
        return gson.toJson(BlockKitRenderer.blocks(dm));
    }

    @Benchmark
    public List<LayoutBlock> list15Blocks() {
        return BlockKitRenderer.blocks(list15);
    }

    @Benchmark
    public String list15Json() {
        return gson.toJson(BlockKitRenderer.blocks(list15));
    }

    static Message promiseDm() {
        Markup headline = Markup.builder().person("U111").plain(" promised you ").bold("send the Q3 deck").plain(".")
                .build();
        return Message.builder(headline).text(headline)
                .fields(List.of(new Message.Field("Due", Markup.plain("Friday 27 Nov, 9:00 (your time)")),
                        new Message.Field("Promise", Markup.plain("K7Q2"))))
                .text(Markup.builder().bold("What matters to you: ")
                        .plain("the <revenue> numbers & the churn slide, before the board call").build())
                .note(Markup.builder().plain("I'll remind ").person("U111")
                        .plain(" before it's due, and ask you afterwards how it went.").build())
                .buttons(new Message.Button(ActionIds.ACKNOWLEDGE, "Sounds good", "K7Q2", Message.Style.PRIMARY),
                        new Message.Button(ActionIds.SUGGEST, "Suggest a change", "K7Q2", Message.Style.DEFAULT))
                .build();
    }

    static Message list(int made, int received) {
        Markup title = Markup.builder().bold("Your open promises").build();
        Message.Builder b = Message.builder(title).text(title);
        b.text(Markup.builder().bold("You promised").build());
        for (int i = 0; i < made; i++) {
            String id = "K" + (char) ('A' + i) + "Q" + (2 + i % 7);
            b.text(Markup.builder().bold(id).plain(" · ").plain("send the Q" + (1 + i % 4) + " deck to finance")
                    .plain(" → ").person("U222").plain(" · due Friday 27 Nov, 15:00").build());
            b.buttons(new Message.Button(ActionIds.DELIVER, "Mark delivered", id, Message.Style.PRIMARY));
        }
        b.text(Markup.builder().bold("Promised to you").build());
        for (int i = 0; i < received; i++) {
            String id = "R" + (char) ('A' + i) + "M" + (3 + i % 6);
            Markup.Builder m = Markup.builder().bold(id).plain(" · ").plain("review the hiring plan, part " + (i + 1))
                    .plain(" from ").person("U333").plain(" · due Tue 24 Nov, 17:00");
            if (i == 0) {
                m.plain(" · ").bold("overdue");
            }
            b.text(m.build());
        }
        b.note(Markup.plain("Times are in your time zone (Europe/Berlin)."));
        return b.build();
    }
}
