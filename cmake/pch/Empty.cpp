// The object the precompiled headers of cmake/Pch.cmake are built for (it has no code).
