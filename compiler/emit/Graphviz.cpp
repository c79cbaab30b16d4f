//===- Graphviz.cpp - The one Graphviz context and cgraph helpers ---------===//
#include "Graphviz.h"

#include "TextWidths.h"

#include <dlfcn.h>
#include <map>
#include <stdexcept>
#include <vector>

namespace salesc::emit {
namespace {

/// What Graphviz reported while building, laying out or rendering the current graph.
std::string& graphvizErrors() {
  static std::string errors;
  return errors;
}

int collectError(char* message) {
  graphvizErrors() += message;
  return 0;
}

/// A plugin library from where the graphviz package installs it, by its full path (see
/// compiler/CMakeLists.txt): salesc links none of them, so the binary needs no RUNPATH into
/// Graphviz's private plugin folder, installed or not.
gvplugin_library_t* loadPlugin(const char* path, const char* symbol) {
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  void* library = handle ? dlsym(handle, symbol) : nullptr;
  if (!library)
    throw std::runtime_error(std::string("cannot load Graphviz's plugin ") + path + ": " +
                             dlerror());
  return static_cast<gvplugin_library_t*>(library);
}

// --- Object numbering ---------------------------------------------------------------
// cgraph asks its ID discipline for a number per named object (even numbers here) and
// per anonymous one (odd), and for the name back when it writes the graph.

struct Names {
  Agraph_t* graph;
  std::map<std::string, IDTYPE, std::less<>> ids;
  /// names[i] is the name of ID 2(i + 1), a string of the graph's own (agstrdup):
  /// cgraph reads a flag stored before it to tell HTML strings from others. They are
  /// freed with the graph.
  std::vector<char*> names;
  IDTYPE anonymous = 1;
};

void* idOpen(Agraph_t* g, Agdisc_t*) {
  return new Names{g, {}, {}, 1};
}

long idMap(void* state, int, char* str, IDTYPE* id, int create) {
  Names& n = *static_cast<Names*>(state);
  if (!str) {
    *id = n.anonymous;
    n.anonymous += 2;
    return 1;
  }
  auto it = n.ids.find(std::string_view(str));
  if (it != n.ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create)
    return 0;
  n.names.push_back(agstrdup(n.graph, str));
  *id = 2 * static_cast<IDTYPE>(n.names.size());
  n.ids.emplace(str, *id);
  return 1;
}

long idAlloc(void*, int, IDTYPE) {
  return 0;
} // no object asks for its own number
void idFree(void*, int, IDTYPE) {} // names live as long as the graph

char* idPrint(void* state, int, IDTYPE id) {
  Names& n = *static_cast<Names*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > n.names.size())
    return nullptr;
  return n.names[id / 2 - 1];
}

void idClose(void* state) {
  delete static_cast<Names*>(state);
}
void idRegister(void*, int, void*) {}

Agiddisc_t OrderedIds = {idOpen, idMap, idAlloc, idFree, idPrint, idClose, idRegister};
Agdisc_t OrderedDiscipline = {nullptr, &OrderedIds, nullptr}; // default memory and I/O

} // namespace

GVC_t* graphvizContext() {
  static GVC_t* gvc = [] {
    static lt_symlist_t builtins[] = {
        {"gvplugin_dot_layout_LTX_library",
         loadPlugin(SALESC_GVPLUGIN_DOT, "gvplugin_dot_layout_LTX_library")},
        {"gvplugin_core_LTX_library",
         loadPlugin(SALESC_GVPLUGIN_CORE, "gvplugin_core_LTX_library")},
        {"gvplugin_pango_LTX_library",
         withTextWidths(loadPlugin(SALESC_GVPLUGIN_PANGO, "gvplugin_pango_LTX_library"))},
        {nullptr, nullptr},
    };
    agseterrf(collectError);
    agseterr(AGWARN);
    return gvContextPlugins(builtins, 0);
  }();
  return gvc;
}

void loadNeatoLayout() {
  static bool loaded = [] {
    gvAddLibrary(graphvizContext(),
                 loadPlugin(SALESC_GVPLUGIN_NEATO, "gvplugin_neato_layout_LTX_library"));
    return true;
  }();
  (void)loaded;
}

void checkGraphviz(const char* what) {
  std::string errors;
  std::swap(errors, graphvizErrors());
  if (!errors.empty())
    throw std::runtime_error(std::string("Graphviz could not ") + what + ": " + errors);
}

Graph newDirectedGraph(const char* name) {
  return Graph(agopen(const_cast<char*>(name), Agdirected, &OrderedDiscipline));
}

void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void setHtml(Agraph_t* root, void* obj, const char* name, const std::string& value) {
  Agsym_t* sym = agattr(root, AGTYPE(obj), const_cast<char*>(name), nullptr);
  if (!sym)
    sym = agattr(root, AGTYPE(obj), const_cast<char*>(name), const_cast<char*>(""));
  char* h = agstrdup_html(root, const_cast<char*>(value.c_str()));
  agxset(obj, sym, h);
  agstrfree(root, h);
}

} // namespace salesc::emit
