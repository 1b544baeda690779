package dev.crossfoot.extract.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.NarrativeFigure.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The narrative reader: figures as printed, with the item, period and comparison their sentence gives them. */
class NarrativeReaderTest {

    private static final List<String> LABELS = List.of("Revenue", "Cost of sales", "Gross profit", "Generative AI",
            "Traditional AI", "Smart Auto", "Total", "Loss for the year", "Trade receivables", "Term deposits",
            "Cash and cash equivalents", "Net impairment losses on financial assets and contract assets", "Assets",
            "Other losses – net", "Loss before income taxes and loss from equity method investments",
            "Fair value losses on financial assets at fair value through profit or loss (Note 12)");

    private static List<NarrativeFigure> read(String... lines) {
        List<NarrativeReader.Prose> prose = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            prose.add(new NarrativeReader.Prose(i + 1, lines[i]));
        }
        return new NarrativeReader(LABELS).read(prose, false, String::valueOf);
    }

    private static NarrativeFigure figure(List<NarrativeFigure> all, String printed) {
        return all.stream().filter(f -> f.printed().equals(printed)).findFirst()
                .orElseThrow(() -> new AssertionError(printed + " not among " + all.stream().map(NarrativeFigure::printed).toList()));
    }

    @Test
    void changeWithDirectionWord_isAChangeOfTheItemInTheLatestPeriod() {
        List<NarrativeFigure> f = read("Our cost of sales increased by 50.5% from RMB1,266.2 million in 2022 to RMB1,905.1 million in 2023.");
        NarrativeFigure change = figure(f, "50.5%");
        assertEquals(Kind.CHANGE, change.kind());
        assertEquals("increase", change.direction());
        assertEquals("cost of sales", change.item());
        assertEquals("2023", change.period());
        NarrativeFigure before = figure(f, "RMB1,266.2 million");
        assertEquals(Kind.AMOUNT, before.kind());
        assertEquals("2022", before.period());
        assertEquals("cost of sales", before.item());
        assertEquals(new BigDecimal("1266.2"), before.value());
        assertEquals(6, before.scale());
        assertEquals("RMB", before.unit());
        assertEquals("2023", figure(f, "RMB1,905.1 million").period());
    }

    @Test
    void declineAfterTheFigure_isADecrease() {
        NarrativeFigure f = figure(read("In 2023, total revenue of the Group was RMB3,405.8 million, representing a 10.6% decrease yoy."), "10.6%");
        assertEquals(Kind.CHANGE, f.kind());
        assertEquals("decrease", f.direction());
        assertEquals("revenue", f.item());
        assertEquals("2023", f.period());
    }

    @Test
    void shareOfTotalRevenue_namesThePartNotTheWhole() {
        List<NarrativeFigure> f = read("Given the rapid growth, the share of traditional AI business in the Group's total revenue "
                + "decreased from 81.9% in 2022 to 53.9% in 2023.");
        NarrativeFigure share = figure(f, "53.9%");
        assertEquals(Kind.SHARE, share.kind());
        assertEquals("traditional ai", share.item());
        assertEquals("traditional AI business", share.words());
        assertEquals("2023", share.period());
        assertEquals("2022", figure(f, "81.9%").period());
    }

    @Test
    void grossMargin_isGrossProfitOverRevenue() {
        NarrativeFigure m = figure(read("Our gross margin decreased from 66.8% in 2022 to 44.1% in 2023, mainly due to costs."), "44.1%");
        assertEquals(Kind.MARGIN, m.kind());
        assertEquals("gross profit", m.item());
        assertEquals("revenue", m.base());
        assertEquals("2023", m.period());
    }

    @Test
    void scaleWords_giveThePowerOfTen() {
        List<NarrativeFigure> f = read("In 2023, revenue exceeded RMB1 billion, HK$6,351.0 million was raised, and 3.4億 RMB, "
                + "RMB5,190,000 and RMB12 thousand were paid.");
        assertEquals(9, figure(f, "RMB1 billion").scale());
        assertEquals("HK$", figure(f, "HK$6,351.0 million").unit());
        assertEquals(8, figure(f, "3.4億 RMB").scale());
        assertEquals(0, figure(f, "RMB5,190,000").scale());
        assertEquals(3, figure(f, "RMB12 thousand").scale());
    }

    @Test
    void boundsAndApproximations_areKept() {
        List<NarrativeFigure> f = read("We achieved revenue exceeding RMB1 billion, with orders of less than RMB10 million and "
                + "approximately HK$6,306.2 million utilised.");
        assertEquals("more than", figure(f, "RMB1 billion").bound());
        assertEquals("less than", figure(f, "RMB10 million").bound());
        assertEquals("approximately", figure(f, "HK$6,306.2 million").bound());
    }

    @Test
    void intervalOfAnAmount_isHalfItsLastPrintedDigit_andABoundIsOpen() {
        NarrativeFigure f = figure(read("Our revenue was RMB3,405.8 million in 2023."), "RMB3,405.8 million");
        assertEquals(0, new BigDecimal("3405750000").compareTo(f.interval(BigDecimal.TEN).lo()));
        assertEquals(0, new BigDecimal("3405850000").compareTo(f.interval(BigDecimal.TEN).hi()));
        NarrativeFigure more = figure(read("In 2023, revenue exceeding RMB1 billion."), "RMB1 billion");
        assertEquals(0, new BigDecimal("1000000000").compareTo(more.interval(BigDecimal.TEN).lo()));
    }

    @Test
    void figureGovernedByAnotherNoun_staysUnattached() {
        List<NarrativeFigure> f = read("Collection of trade receivables amounted to RMB3,885 million in 2023, up 48.5% yoy.",
                "Our net impairment losses on financial assets increased by 10.0% from RMB1,667.7 million in 2022 to RMB1,835.2 million in 2023.",
                "Fair value losses on financial assets at fair value through profit or loss "
                        + "amounted to RMB724.4 million and net foreign exchange loss of RMB67.8 million.",
                "SenseAuto realized revenue of RMB383.7 million in 2023.");
        assertEquals("", figure(f, "RMB3,885 million").item());
        assertEquals("net impairment losses on financial assets and contract assets", figure(f, "RMB1,835.2 million").item(),
                "the label's first part, not 'assets' inside it");
        assertEquals("fair value losses on financial assets at fair value through profit or loss", figure(f, "RMB724.4 million").item());
        assertEquals("", figure(f, "RMB67.8 million").item(), "another noun between breaks the chain");
        assertEquals("", figure(f, "RMB383.7 million").item(), "a segment's revenue is not the Group's");
    }

    @Test
    void respectively_givesNoPeriod() {
        List<NarrativeFigure> f = read("As of December 31, 2022 and December 31, 2023, we had term deposits of RMB3,228.6 million "
                + "and RMB4,473.1 million, respectively.");
        assertTrue(f.stream().allMatch(x -> x.period().isEmpty()));
    }

    @Test
    void priorYearInBrackets_isThatYear() {
        NarrativeFigure f = figure(read("As at December 31, 2023, our term deposits were RMB5,190,000 (2022: RMB11,126,000)."), "RMB11,126,000");
        assertEquals("2022", f.period());
    }

    @Test
    void yearsDatesAndNoteNumbers_areNotFigures() {
        List<NarrativeFigure> f = read("On March 26, 2024, as set out in Note 14, the Board met; 45,000 GPUs were used.");
        assertEquals(List.of("45,000"), f.stream().map(NarrativeFigure::printed).toList());
        assertEquals(Kind.COUNT, f.get(0).kind());
    }

    @Test
    void sentences_areCutAtFullStopsNotInsideFiguresOrAbbreviations() {
        List<NarrativeFigure> f = read("Shanghai Co. Ltd. paid RMB3.5 million. Our revenue was RMB3,405.8 million in 2023.");
        assertEquals("Shanghai Co. Ltd. paid RMB3.5 million.", figure(f, "RMB3.5 million").sentence());
        assertEquals("Our revenue was RMB3,405.8 million in 2023.", figure(f, "RMB3,405.8 million").sentence());
    }

    @Test
    void figureBeforeABracketedPriorYear_isOfTheYearAfter_andDayMonthDatesAreRead() {
        List<NarrativeFigure> f = read("During the Year, our revenue was HK$99.3 million (2020: HK$115.6 million).",
                "As at 30th September, 2021, the carrying amount of term deposits amounted to HK$590,535,000.",
                "Our revenue was £47.0m for the year ended 31 December 2015.");
        assertEquals("2021", figure(f, "HK$99.3 million").period());
        assertEquals("2020", figure(f, "HK$115.6 million").period());
        assertEquals("2021", figure(f, "HK$590,535,000").period());
        assertEquals("2015", figure(f, "£47.0m").period());
        assertEquals(6, figure(f, "£47.0m").scale());
    }

    @Test
    void amountThatIsAChange_orOfTwoItems_staysUnattached() {
        List<NarrativeFigure> f = read("For the year ended December 31, 2021, Smart Auto revenue increased $864 million, or 14%.",
                "As at December 31, 2021, short-term and term deposits totaled $4.0 billion.",
                "As at December 31, 2021, trademarks and cost of sales is HK$72,644,000.");
        assertEquals("", figure(f, "$864 million").item(), "an increase, not the revenue");
        assertEquals("", figure(f, "$4.0 billion").item(), "short-term and term deposits together");
        assertEquals("", figure(f, "HK$72,644,000").item(), "trademarks and the item together");
    }

    @Test
    void proseNamesOfLabels_netFirstAndTheFirstPartOfAnAnd_areTheItem() {
        List<NarrativeFigure> f = read("We had net other losses of RMB808.2 million in 2023.",
                "Our net impairment losses on financial assets increased by 10.0% from RMB1,667.7 million in 2022 to RMB1,835.2 million in 2023.",
                "In 2020, Careem contributed to a loss before income taxes of $218 million.");
        assertEquals("other losses-net", figure(f, "RMB808.2 million").item());
        assertEquals("net impairment losses on financial assets and contract assets", figure(f, "RMB1,835.2 million").item());
        assertEquals("", figure(f, "$218 million").item(), "a part's contribution to the loss is not the loss");
    }
}
