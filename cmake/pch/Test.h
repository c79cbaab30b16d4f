// The test programs' precompiled header (cmake/Pch.cmake): the common one and GoogleTest.
#include "Common.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
