//===- BpmnLabels.h - Where the labels of a BPMN diagram go (inside emit) ===//
//
// bpmn-js draws the name of an event, a gateway or a sequence flow outside its shape, in
// 11 px Arial wrapped at 90 px, where the file's bpmndi:BPMNLabel bounds say (without them:
// centred under the shape, or above the middle of the flow). A task's name is drawn inside
// it, in 12 px Arial with 5 px of padding, and a word too long for the box is cut. These
// functions estimate those sizes from Arial's advance widths, a tenth larger to be safe, and
// place each label at the first of a few candidate places that overlaps no shape and no
// label already placed, preferring places that no flow crosses.
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

/// The size of an outside label of `text` as bpmn-js draws it: wrapped at spaces to at
/// most 90 px a line, 11 px Arial. A rectangle box centred at the origin.
Box externalLabelSize(llvm::StringRef text);

/// The width a task needs so that bpmn-js cuts no word of `name`: at least `minimum`,
/// in steps of 10.
double taskWidthFor(llvm::StringRef name, double minimum);

/// What a label belongs to: a shape (an index into the shapes) or a flow (into the flows).
struct LabelOwner {
  size_t shape = SIZE_MAX, flow = SIZE_MAX;
  Box size; ///< the label's size (externalLabelSize); its centre is ignored
};

/// The box of each label of `labels`, in order. Invariant of the result: no two boxes
/// intersect and no box intersects a shape whenever some candidate place allows it; among
/// places that do, the first crossed by the fewest flows (the label's own aside).
std::vector<Box> placeLabels(const std::vector<Box>& shapes,
                             const std::vector<std::vector<Point>>& flows,
                             const std::vector<LabelOwner>& labels);

/// Whether two boxes' bounding rectangles, each grown by `margin`, intersect.
bool intersects(const Box& a, const Box& b, double margin = 0);

} // namespace salesc::emit

#endif // SALESC_EMIT_BPMNLABELS_H
