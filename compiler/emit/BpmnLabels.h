//===- BpmnLabels.h - Where the labels of a BPMN diagram go (inside emit) ===//
//
// bpmn-js (18) draws the name of an event, a gateway or a sequence flow outside its shape, in
// 11 px Arial, in the file's bpmndi:BPMNLabel bounds, wrapped at their width (without bounds:
// centred under the shape, or above the middle of the flow, 90 px wide). A task's name is
// drawn inside it, in 12 px Arial with 7 px of padding. Either way bpmn-js cuts a word that
// the width cannot hold. These functions estimate those sizes from Arial's advance widths, a
// tenth larger to be safe, make an outside label as wide as its longest word and a task wide
// enough for its name's, and place each label at the first of its candidate places (near
// its owner) that overlaps no shape and no label already placed, preferring places that no
// flow crosses; when none is free, at the nearest free place around the first.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_BPMNLABELS_H
#define SALESC_EMIT_BPMNLABELS_H

#include "Routing.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace salesc::emit {

/// The width in px of `text` in Arial at `px` pixels, rounded up (an estimate on the
/// large side: bytes outside ASCII count as wide letters, three-byte sequences as CJK).
double textWidth(llvm::StringRef text, double px);

/// The size of an outside label of `text`: wrapped at spaces to at most 90 px of Arial a
/// line (a longer word is a line of its own, as wide as it), 11 px Arial. A rectangle box
/// centred at the origin.
Box externalLabelSize(llvm::StringRef text);

/// The width a task needs so that bpmn-js cuts no word of `name` (the longest word and the
/// padding): at least `minimum`, in steps of 10.
double taskWidthFor(llvm::StringRef name, double minimum);

/// What a label belongs to: a shape (an index into the shapes) or a flow (into the flows).
struct LabelOwner {
  size_t shape = SIZE_MAX, flow = SIZE_MAX;
  Box size; ///< the label's size (externalLabelSize); its centre is ignored
};

/// The box of each label of `labels`, in order. Invariant of the result: no two boxes
/// intersect (4 px apart) and no box intersects a shape; among the candidate places that
/// allow it, the first crossed by the fewest flows; when none does, the nearest free place
/// around the first candidate (8 px steps), however far.
std::vector<Box> placeLabels(const std::vector<Box>& shapes,
                             const std::vector<std::vector<Point>>& flows,
                             const std::vector<LabelOwner>& labels);

/// Whether two boxes' bounding rectangles, each grown by `margin`, intersect.
bool intersects(const Box& a, const Box& b, double margin = 0);

} // namespace salesc::emit

#endif // SALESC_EMIT_BPMNLABELS_H
