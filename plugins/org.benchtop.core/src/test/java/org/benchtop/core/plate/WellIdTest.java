package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and printing of well ids, and plate formats. */
class WellIdTest {

    @ParameterizedTest
    @CsvSource({ "A1,0,0,A01", "A01,0,0,A01", "' a01 ',0,0,A01", "p24,15,23,P24", "H12,7,11,H12", "Z1,25,0,Z01",
            "AA1,26,0,AA01", "af48,31,47,AF48", "AF048,31,47,AF48", "B003,1,2,B03" })
    void parsesAndPrints(String text, int row, int col, String printed) {
        int p = WellId.parse(text);
        assertEquals(row, WellId.row(p));
        assertEquals(col, WellId.column(p));
        assertEquals(printed, WellId.format(row, col));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "A", "1", "A0", "A00", "1A", "A-1", "A 1", "AAA1", "A1B", "A12345", "Ä1",
            "A1.0" })
    void rejects(String text) {
        assertEquals(WellId.INVALID, WellId.parse(text));
    }

    @ParameterizedTest
    @CsvSource({ "0,0,WELLS_6", "1,2,WELLS_6", "2,3,WELLS_12", "3,5,WELLS_24", "5,7,WELLS_48", "7,11,WELLS_96",
            "7,12,WELLS_384", "15,23,WELLS_384", "16,0,WELLS_1536", "31,47,WELLS_1536" })
    void infersSmallestFormat(int row, int col, PlateFormat expected) {
        assertEquals(expected, PlateFormat.smallestHolding(row, col));
    }

    @ParameterizedTest
    @CsvSource({ "WELLS_96,0,A01", "WELLS_96,95,H12", "WELLS_384,383,P24", "WELLS_1536,1535,AF48",
            "WELLS_1536,48,B01" })
    void printsWellOfIndex(PlateFormat f, int index, String id) {
        assertEquals(id, f.wellId(index));
        int p = WellId.parse(id);
        assertEquals(index, f.index(WellId.row(p), WellId.column(p)));
    }
}
