// Package pdfupdate reads PDF files and appends incremental updates to them: the one place in
// cwo that knows PDF file structure.
//
// It reads the cross-reference chain of a file, classic tables, cross-reference streams (with
// objects in object streams) or both (hybrid files), follows /Prev, and resolves objects with
// its own lexer and object parser, which never panics and bounds nesting, chains and sizes on
// hostile input. Encrypted files are refused.
//
// An update (see Update) appends new objects and new revisions of existing ones, a
// cross-reference section listing only those, of the same kind as the file's newest one, and a
// trailer whose /Prev points at the previous section. The input bytes are never changed: the
// result is the input followed by the update, so every earlier revision, and every signature
// over one, stays intact.
//
// On top of that, AddFields adds empty signature fields (FieldContractor, FieldFunder) to a
// rendered agreement, and package signing writes signatures into them and reads the revisions
// of a signed file.
package pdfupdate
