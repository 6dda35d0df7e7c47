package fontsubset

import (
	"errors"
	"fmt"
)

// cffFont is a parsed CFF font program (one font of a FontSet).
type cffFont struct {
	name        []byte   // first entry of the Name INDEX
	top         dict     // Top DICT
	strings     [][]byte // String INDEX
	gsubrs      [][]byte // Global Subr INDEX
	charstrings [][]byte // CharStrings INDEX, by glyph ID
	cid         bool     // CID-keyed (the Top DICT has ROS)
	fds         []cffFD  // the FDArray; one entry, from the Top DICT, for a name-keyed font
	fdSelect    []uint8  // FD index of each glyph; nil for a name-keyed font
}

// cffFD is one Font DICT of a CID-keyed font, or the Top DICT's Private of a name-keyed one.
type cffFD struct {
	font    dict     // the Font DICT (nil for a name-keyed font)
	private dict     // its Private DICT
	subrs   [][]byte // its local Subr INDEX
}

// parseCFF parses a CFF table (version 1; CFF2 is not supported).
func parseCFF(b []byte) (*cffFont, error) {
	major, err := u8(b, 0)
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if major != 1 {
		return nil, fmt.Errorf("header: CFF version %d not supported", major)
	}
	hdrSize, err := u8(b, 2)
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	f := &cffFont{}
	if err := f.readIndexes(b, hdrSize); err != nil {
		return nil, err
	}
	if err := f.readCharStrings(b); err != nil {
		return nil, err
	}
	if _, f.cid = f.top.get(opROS); !f.cid {
		fd, err := readFD(b, nil, f.top)
		if err != nil {
			return nil, fmt.Errorf("private: %w", err)
		}
		f.fds = []cffFD{fd}
		return f, nil
	}
	if err := f.readFDArray(b); err != nil {
		return nil, fmt.Errorf("FDArray: %w", err)
	}
	if f.fdSelect, err = readFDSelect(b, f.top, len(f.charstrings), len(f.fds)); err != nil {
		return nil, fmt.Errorf("FDSelect: %w", err)
	}
	return f, nil
}

// readIndexes reads the Name, Top DICT, String and Global Subr INDEXes that follow the header.
func (f *cffFont) readIndexes(b []byte, off int) error {
	names, off, err := readIndex(b, off)
	if err != nil {
		return fmt.Errorf("name index: %w", err)
	}
	tops, off, err := readIndex(b, off)
	if err != nil {
		return fmt.Errorf("top dict index: %w", err)
	}
	if len(names) == 0 || len(tops) == 0 {
		return errors.New("no font in the font set")
	}
	f.name = names[0]
	if f.top, err = parseDict(tops[0]); err != nil {
		return fmt.Errorf("top dict: %w", err)
	}
	if f.strings, off, err = readIndex(b, off); err != nil {
		return fmt.Errorf("string index: %w", err)
	}
	if f.gsubrs, _, err = readIndex(b, off); err != nil {
		return fmt.Errorf("global subr index: %w", err)
	}
	return nil
}

// readCharStrings reads the CharStrings INDEX, which must hold Type 2 charstrings.
func (f *cffFont) readCharStrings(b []byte) error {
	if t, err := f.top.ints(opCharstringType, 1); err == nil && t[0] != 2 {
		return fmt.Errorf("charstring type %d not supported", t[0])
	}
	off, err := f.top.ints(opCharStrings, 1)
	if err != nil {
		return fmt.Errorf("charstrings: %w", err)
	}
	if f.charstrings, _, err = readIndex(b, off[0]); err != nil {
		return fmt.Errorf("charstrings: %w", err)
	}
	if len(f.charstrings) == 0 {
		return errors.New("charstrings: no glyph")
	}
	return nil
}

// readFDArray reads the Font DICTs of a CID-keyed font with their Private DICTs.
func (f *cffFont) readFDArray(b []byte) error {
	off, err := f.top.ints(opFDArray, 1)
	if err != nil {
		return err
	}
	entries, _, err := readIndex(b, off[0])
	if err != nil {
		return err
	}
	if len(entries) == 0 || len(entries) > 256 {
		return fmt.Errorf("%d Font DICTs", len(entries))
	}
	for i, e := range entries {
		font, err := parseDict(e)
		if err != nil {
			return fmt.Errorf("font dict %d: %w", i, err)
		}
		fd, err := readFD(b, font, font)
		if err != nil {
			return fmt.Errorf("font dict %d: %w", i, err)
		}
		f.fds = append(f.fds, fd)
	}
	return nil
}

// readFD reads the Private DICT that parent (a Top or Font DICT) points to, and its Subrs.
func readFD(b []byte, font, parent dict) (cffFD, error) {
	fd := cffFD{font: font}
	sizeOff, err := parent.ints(opPrivate, 2)
	if err != nil {
		return fd, err
	}
	data, err := span(b, sizeOff[1], sizeOff[0])
	if err != nil {
		return fd, err
	}
	if fd.private, err = parseDict(data); err != nil {
		return fd, err
	}
	if _, ok := fd.private.get(opSubrs); !ok {
		return fd, nil
	}
	off, err := fd.private.ints(opSubrs, 1)
	if err != nil {
		return fd, err
	}
	if fd.subrs, _, err = readIndex(b, sizeOff[1]+off[0]); err != nil {
		return fd, fmt.Errorf("subrs: %w", err)
	}
	return fd, nil
}
