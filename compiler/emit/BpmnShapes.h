//===- BpmnShapes.h - The sizes of the shapes of a BPMN diagram (inside emit) ===//
//
// BPMN's usual sizes, in the diagram's units (points, as Graphviz lays out), and the room a
// sign-off stage takes: its task, a parallel split, a column of one task per role, the
// parallel join and the gateway that sends the approved share on. The layout asks the dot
// layout for that room (Drawing.cpp), the BPMN writer places the shapes in it (Bpmn.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_BPMNSHAPES_H
#define SALESC_EMIT_BPMNSHAPES_H

#include <cstddef>

namespace salesc::emit::bpmn {

inline constexpr double TaskW = 100, TaskH = 80, EventD = 36, GatewayD = 50;
/// A role's task in a sign-off stage, and the space between two of them.
inline constexpr double RoleW = 110, RoleH = 56, RoleGap = 14;
/// The space between a shape and the gateway beside it, and around the column of roles.
inline constexpr double GatewayGap = 20, RolesGap = 30;

/// The width of a sign-off stage: from the left of its task to the right of the gateway
/// that decides where the deal goes, with room for a merging gateway before the task
/// when `merge` (the stage has several ways in).
inline constexpr double signoffWidth(bool merge) {
  return (merge ? GatewayD + GatewayGap : 0) + TaskW + GatewayGap + GatewayD + RolesGap + RoleW +
         RolesGap + GatewayD + GatewayGap + GatewayD;
}
/// The height of a sign-off stage of `roles` roles: its column of roles' tasks.
inline constexpr double signoffHeight(size_t roles) {
  double column = roles * RoleH + (roles ? roles - 1 : 0) * RoleGap;
  return column > TaskH ? column : TaskH;
}

} // namespace salesc::emit::bpmn

#endif // SALESC_EMIT_BPMNSHAPES_H
