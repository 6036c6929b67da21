package io.qinglang.portal.web;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLabelTest {

    @Test
    void anEnglishNameWrapsBetweenWordsAndIsNeverCutMidWord() {
        for (String name : List.of("Subversion or separatism", "Subversion of state power",
                "Privacy or personal-information infringement", "Rumours disrupting social order")) {
            ChartLabel label = ChartLabel.of(name);
            assertThat(label.shortened()).as(name).isFalse();
            assertThat(String.join(" ", label.lines())).as(name).isEqualTo(name);
            List<String> words = Arrays.asList(name.split(" "));
            label.lines().forEach(line -> assertThat(words).as(line).containsAll(Arrays.asList(line.split(" "))));
            label.lines().forEach(line -> assertThat(ChartLabel.width(line)).as(line).isLessThanOrEqualTo(ChartLabel.WIDTH_EM));
        }
        assertThat(ChartLabel.of("Subversion of state power").lines()).containsExactly("Subversion of state power");
        assertThat(ChartLabel.of("Privacy or personal-information infringement").lines())
                .containsExactly("Privacy or", "personal-information", "infringement");
    }

    @Test
    void aShortNameStaysOnOneLine() {
        assertThat(ChartLabel.of("Gambling").lines()).containsExactly("Gambling");
        assertThat(ChartLabel.of("侵犯隐私和个人信息").lines()).containsExactly("侵犯隐私和个人信息");
        assertThat(ChartLabel.of("危害国家安全、颠覆分裂").lines()).containsExactly("危害国家安全、颠覆分裂");
    }

    @Test
    void aLongChineseNameWrapsBetweenCharactersAndNoLineStartsWithAClosingMark() {
        ChartLabel label = ChartLabel.of("利用网络散布谣言、扰乱经济秩序和社会秩序的违法和不良信息");
        assertThat(label.lines()).hasSizeGreaterThan(1);
        assertThat(String.join("", label.lines())).isEqualTo(label.full());
        label.lines().forEach(line -> {
            assertThat(ChartLabel.width(line)).as(line).isLessThanOrEqualTo(ChartLabel.WIDTH_EM);
            assertThat(line).doesNotStartWith("、").doesNotStartWith("，");
        });
        ChartLabel comma = ChartLabel.of("一二三四五六七八九十一二三四、五六");
        assertThat(comma.lines()).containsExactly("一二三四五六七八九十一二三", "四、五六");
    }

    @Test
    void aNameLongerThanThreeLinesEndsAtAWordWithAnEllipsisAndKeepsTheWholeName() {
        String name = "Content endangering the safety of minors on live-streaming and short-video platforms";
        ChartLabel label = ChartLabel.of(name);
        assertThat(label.lines()).hasSize(ChartLabel.MAX_LINES);
        assertThat(label.shortened()).isTrue();
        assertThat(label.full()).isEqualTo(name);
        String last = label.lines().getLast();
        assertThat(last).endsWith("…");
        assertThat(Arrays.asList(name.split(" "))).containsAll(Arrays.asList(last.substring(0, last.length() - 1).split(" ")));
        assertThat(ChartLabel.width(last)).isLessThanOrEqualTo(ChartLabel.WIDTH_EM);
    }

    @Test
    void aSingleWordWiderThanTheColumnIsTheOnlyThingCut() {
        ChartLabel label = ChartLabel.of("Pneumonoultramicroscopicsilicovolcanoconiosis");
        assertThat(String.join("", label.lines())).isEqualTo(label.full());
        label.lines().forEach(line -> assertThat(ChartLabel.width(line)).isLessThanOrEqualTo(ChartLabel.WIDTH_EM));
    }

    @Test
    void aboveItsBarOnAPhoneANameHasTheChartsWholeWidth() {
        assertThat(ChartLabel.of("Privacy or personal-information infringement", ChartLabel.NARROW_EM).lines())
                .containsExactly("Privacy or personal-information infringement");
        ChartLabel chinese = ChartLabel.of("利用网络散布谣言、扰乱经济秩序和社会秩序的违法和不良信息", ChartLabel.NARROW_EM);
        assertThat(chinese.lines()).hasSize(2);
        chinese.lines().forEach(line -> assertThat(ChartLabel.width(line)).isLessThanOrEqualTo(ChartLabel.NARROW_EM));
    }
}
