package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;




import dev.crossfoot.model.Filing;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.NarrativeFigure.Kind;

import dev.crossfoot.parse.NarrativeCsv;

import dev.crossfoot.testing.ExtractedAnnouncement;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The narrative checks on the bundled announcement: the prose figures the tables support are tied; the two that
 * the tables contradict (the Traditional AI share, 53.9% for 54.0%, printed twice) warn; changing any tied figure
 * makes its check warn; and the kinds of figure (direction words, shares, margins, unit scales, bounds) are judged
 * as their words say.
 */
class NarrativeTiesTest {

    @TempDir
    static Path dir;
    static Filing filing;
    static NarrativeCsv.Narrative narrative;

    @BeforeAll
    static void extract() throws IOException {
        ExtractedAnnouncement x = ExtractedAnnouncement.bundled(dir);
        filing = x.filing();
        narrative = x.narrative();
    }

    private static NarrativeTies.Outcome tie(List<NarrativeFigure> figures) {
        return new NarrativeTies(filing, CheckOptions.DEFAULT).tie(narrative.document(), figures);
    }

    @Test
    void bundledAnnouncement_warnsOnlyOnTheTraditionalAiShare_atLines36And98() {
        NarrativeTies.Outcome o = tie(narrative.figures());
        List<String> warned = o.findings().stream().filter(f -> f.status() != Status.PASS)
                .map(f -> f.narrated().at() + " " + f.reported() + " " + f.computed()).toList();
        assertEquals(List.of("36 53.9% 53.9785", "98 53.9% 53.9785"), warned);
        assertTrue(o.findings().size() >= 45, "tied: " + o.findings().size());
        Finding share = o.findings().stream().filter(f -> f.status() == Status.WARN).findFirst().orElseThrow();
        assertTrue(share.message().contains("which would be printed 54.0"), share.message());
        assertTrue(share.narrated().words().contains("'Traditional AI business' and 2023"), share.narrated().words());
    }

    @Test
    void everyTiedFigure_changedBySevenPrintedUnits_warns() {
        List<NarrativeFigure> figures = narrative.figures();
        NarrativeTies.Outcome base = tie(figures);
        List<String> survivors = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < figures.size(); i++) {
            NarrativeFigure f = figures.get(i);
            Finding before = find(base, f);
            if (before == null || before.status() != Status.PASS) {
                continue;
            }
            tried++;
            List<NarrativeFigure> mutated = new ArrayList<>(figures);
            mutated.set(i, moved(f, 7));
            Finding after = find(tie(mutated), mutated.get(i));
            if (after == null || after.status() != Status.WARN) {
                survivors.add(f.at() + " " + f.printed());
            }
        }
        assertTrue(tried >= 45, "tried " + tried);
        assertEquals(List.of(), survivors);
    }

    @Test
    void directionWord_wrongWay_warns() {
        NarrativeFigure revenueChange = only(f -> f.kind() == Kind.CHANGE && f.at().equals("191"));
        assertEquals(Status.PASS, status(revenueChange));
        NarrativeFigure increased = with(revenueChange, revenueChange.value(), "increase", revenueChange.bound());
        assertEquals(Status.WARN, status(increased), "revenue fell: 'increased by 10.6%' is wrong");
    }

    @Test
    void margin_isGrossProfitOverRevenue() {
        NarrativeFigure margin = only(f -> f.kind() == Kind.MARGIN && f.at().equals("226") && f.period().equals("2023"));
        assertEquals(Status.PASS, status(margin));
        assertEquals(Status.WARN, status(with(margin, new BigDecimal("44.3"), "", "")));
    }

    @Test
    void amountInBillions_isComparedWithTheThousands() {
        NarrativeFigure revenue = only(f -> f.kind() == Kind.AMOUNT && f.at().equals("191") && f.period().equals("2023"));
        NarrativeFigure billions = new NarrativeFigure(revenue.line(), revenue.at(), "RMB3.4 billion", Kind.AMOUNT,
                new BigDecimal("3.4"), "RMB", 9, "", "2023", "revenue", "revenue", "", "", "", revenue.sentence());
        assertEquals(Status.PASS, status(billions));
        NarrativeFigure wrong = new NarrativeFigure(revenue.line(), revenue.at(), "RMB3.5 billion", Kind.AMOUNT,
                new BigDecimal("3.5"), "RMB", 9, "", "2023", "revenue", "revenue", "", "", "", revenue.sentence());
        assertEquals(Status.WARN, status(wrong));
    }

    @Test
    void bounds_areBoundsAndApproximatelyIsWider() {
        NarrativeFigure revenue = only(f -> f.kind() == Kind.AMOUNT && f.at().equals("191") && f.period().equals("2023"));
        assertEquals(Status.PASS, status(amount(revenue, "1", 9, "more than")), "exceeding RMB1 billion");
        assertEquals(Status.WARN, status(amount(revenue, "4", 9, "more than")), "exceeding RMB4 billion");
        assertEquals(Status.PASS, status(amount(revenue, "4", 9, "less than")));
        assertEquals(Status.WARN, status(amount(revenue, "3,405.9", 6, "")), "one printed unit off");
        assertEquals(Status.PASS, status(amount(revenue, "3,405.9", 6, "approximately")), "approximately: twice as wide");
    }

    @Test
    void figureWithoutItemOrPeriod_staysUnattached_andIsNeverAFinding() {
        NarrativeTies.Outcome o = tie(narrative.figures());
        assertTrue(o.unattached().stream().anyMatch(f -> f.printed().equals("RMB3,885 million")),
                "collection of trade receivables: no table row");
        assertEquals(narrative.figures().size(), o.findings().size() + o.unattached().size());
        NarrativeFigure unknown = new NarrativeFigure(1, "1", "RMB5 million", Kind.AMOUNT, new BigDecimal("5"), "RMB", 6,
                "", "2023", "no such line item", "no such line item", "", "", "", "x");
        assertEquals(List.of(unknown), tie(List.of(unknown)).unattached());
    }

    private static NarrativeFigure amount(NarrativeFigure f, String printed, int scale, String bound) {
        return new NarrativeFigure(f.line(), f.at(), "RMB" + printed, Kind.AMOUNT, new BigDecimal(printed.replace(",", "")),
                "RMB", scale, bound, f.period(), f.item(), f.words(), "", "", "", f.sentence());
    }

    private static NarrativeFigure with(NarrativeFigure f, BigDecimal value, String direction, String bound) {
        return new NarrativeFigure(f.line(), f.at(), value.toPlainString() + "%", f.kind(), value, f.unit(), f.scale(), bound,
                f.period(), f.item(), f.words(), f.base(), direction, f.comparison(), f.sentence());
    }

    private static NarrativeFigure moved(NarrativeFigure f, int units) {
        BigDecimal v = f.value().add(BigDecimal.ONE.movePointLeft(f.value().scale()).multiply(BigDecimal.valueOf(units)));
        return new NarrativeFigure(f.line(), f.at(), f.printed() + "+" + units, f.kind(), v, f.unit(), f.scale(), f.bound(),
                f.period(), f.item(), f.words(), f.base(), f.direction(), f.comparison(), f.sentence());
    }

    private static NarrativeFigure only(java.util.function.Predicate<NarrativeFigure> p) {
        List<NarrativeFigure> found = narrative.figures().stream().filter(p).collect(Collectors.toList());
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static Status status(NarrativeFigure f) {
        NarrativeTies.Outcome o = tie(List.of(f));
        assertEquals(1, o.findings().size(), "tied: " + f);
        return o.findings().get(0).status();
    }

    private static Finding find(NarrativeTies.Outcome o, NarrativeFigure f) {
        return o.findings().stream().filter(x -> x.reported().equals(f.printed()) && x.narrated().at().equals(f.at())
                && x.column().equals(f.period())).findFirst().orElse(null);
    }
}
