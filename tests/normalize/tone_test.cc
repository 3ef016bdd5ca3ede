#include "pipeline/normalize/tone.h"

#include <gtest/gtest.h>

#include "pipeline/common/utf8.h"

namespace notices::normalize {
namespace {

TEST(ToneTest, CanonicalPlacementIsClassic) {
  struct Case { const char* in; const char* out; } cases[] = {
      {"hoà", "hòa"}, {"hòa", "hòa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"},
      {"Uỷ ban", "Ủy ban"}, {"CỘNG HOÀ", "CỘNG HÒA"}, {"hoá", "hóa"},
      {"qúy", "quý"}, {"quý", "quý"}, {"Qúy", "Quý"}, {"quả", "quả"},
      {"gìa", "già"}, {"già", "già"}, {"gì", "gì"}, {"gìn", "gìn"}, {"giữ", "giữ"},
      {"hoàn", "hoàn"}, {"toán", "toán"}, {"Huỳnh", "Huỳnh"}, {"thuyền", "thuyền"},
      {"mùa", "mùa"}, {"mưa", "mưa"}, {"ngoài", "ngoài"}, {"khuỷu", "khuỷu"},
      {"người", "người"}, {"cứu", "cứu"}, {"chuyển đổi số", "chuyển đổi số"},
      {"Viettel", "Viettel"}, {"K12Online", "K12Online"}, {"2026¹", "2026¹"},
      // modern placement inside a sentence, punctuation kept
      {"Sở Văn hoá, Thể thao", "Sở Văn hóa, Thể thao"},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalTones(c.in), c.out) << c.in;
}

TEST(ToneTest, KeepsCodePointCount) {
  const char* texts[] = {"hoà thuỷ khoẻ qúy", "Uỷ ban nhân dân tỉnh", "xyz ạ"};
  for (const char* t : texts) EXPECT_EQ(CountCodePoints(CanonicalTones(t)), CountCodePoints(t));
}

TEST(ToneTest, Idempotent) {
  std::string once = CanonicalTones("Cộng hoà xã hội chủ nghĩa, thuỷ lợi, qúy I");
  EXPECT_EQ(CanonicalTones(once), once);
}

TEST(ToneTest, FoldDiacritics) {
  EXPECT_EQ(FoldDiacritics("Bộ Tài chính"), "Bo Tai chinh");
  EXPECT_EQ(FoldDiacritics("Độc lập - Tự do - Hạnh phúc"), "Doc lap - Tu do - Hanh phuc");
  EXPECT_EQ(FoldDiacritics("trước ngày 30 tháng 6"), "truoc ngay 30 thang 6");
}

TEST(ToneTest, CanonicalFormComposesFirst) {
  // "hoà" with a combining grave on the a (NFD input) -> classic NFC.
  EXPECT_EQ(CanonicalForm("hoa\xCC\x80"), "hòa");
  EXPECT_EQ(CanonicalForm("Thông báo"), "Thông báo");
}

}  // namespace
}  // namespace notices::normalize
