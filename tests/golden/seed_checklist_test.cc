// The extraction issue's checklist for the two seed notices, as tests: each task the
// issue names, found by a phrase of its text, with its roles and deadline.
#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "tests/common/pipeline_test_util.h"

namespace notices {
namespace {

using testing::SharedPipeline;

std::vector<std::string> Names(const std::vector<Agency>& v) {
  std::vector<std::string> out;
  for (const Agency& a : v) out.push_back(a.name);
  return out;
}

class SeedTest : public ::testing::Test {
 protected:
  void Load(const std::string& name) {
    record_ = SharedPipeline().Run(std::string(NOTICES_SAMPLES_DIR) + "/" + name);
    ASSERT_FALSE(record_.error) << record_.error->message;
  }
  // The one task whose text contains `phrase`.
  const Task& T(const std::string& phrase) {
    const Task* found = nullptr;
    int count = 0;
    for (const Task& t : record_.tasks)
      if (t.text.find(phrase) != std::string::npos) {
        found = &t;
        ++count;
      }
    EXPECT_EQ(count, 1) << "tasks containing \"" << phrase << "\"";
    static const Task kNone;
    return found ? *found : kNone;
  }
  bool IsTask(const std::string& phrase) const {
    for (const Task& t : record_.tasks)
      if (t.text.find(phrase) != std::string::npos) return true;
    return false;
  }
  static std::string Due(const Task& t) {
    return t.deadline && t.deadline->due ? t.deadline->due->ToString() : "";
  }
  Record record_;
};

using V = std::vector<std::string>;
const std::string kSkh = "Sở Khoa học và Công nghệ";

TEST_F(SeedTest, Seed000) {
  Load("seed-000.txt");
  EXPECT_GE(record_.tasks.size(), 17u);
  // Document.
  EXPECT_EQ(record_.document.type, "THÔNG BÁO");
  EXPECT_FALSE(record_.document.number);
  ASSERT_TRUE(record_.document.date);
  EXPECT_EQ(record_.document.date->ToString(), "2026-05");
  ASSERT_TRUE(record_.document.meeting);
  ASSERT_TRUE(record_.document.meeting->date);
  EXPECT_EQ(record_.document.meeting->date->ToString(), "2026-03-20");
  V refs;
  for (const Reference& r : record_.references) refs.push_back(r.number);
  for (const char* n : {"57-NQ/TW", "229/TB-VP", "10/2025/NQ-HĐND"})
    EXPECT_NE(std::find(refs.begin(), refs.end(), n), refs.end()) << n;
  // Section 1: the assessment is no task; the four "+" items are Sở KH&CN's.
  EXPECT_FALSE(IsTask("đã có nhiều cố gắng"));
  for (const char* p : {"Khẩn trương rà soát toàn bộ nhiệm vụ còn chậm", "Quan tâm nâng cao chất lượng",
                        "đánh giá thực trạng trang thiết bị", "Chủ động phối hợp, làm việc với VNPT"})
    EXPECT_EQ(Names(T(p).lead), V{kSkh}) << p;
  // 2.1: the departments and the communes.
  EXPECT_EQ(Names(T("Tiếp tục thực hiện nghiêm túc").lead),
            (V{"các sở, ngành", "Ủy ban nhân dân các xã, phường"}));
  // 2.2: Sở KH&CN with the bodies concerned or the coordinators the item names.
  for (const char* p : {"Rà soát toàn bộ nhiệm vụ được Trung ương", "nền tảng số đang trong giai đoạn thử nghiệm",
                        "đẩy mạnh triển khai thực hiện Nghị quyết số 10/2025"}) {
    const Task& t = T(p);
    EXPECT_EQ(Names(t.lead), V{kSkh}) << p;
    ASSERT_EQ(t.coordinate.size(), 1u) << p;
    EXPECT_NE(t.coordinate[0].name.find("các cơ quan"), std::string::npos) << p;
    EXPECT_EQ(t.section, "2.2");
  }
  // 2.3 to 2.5.
  const Task& police = T("Kiến trúc dữ liệu địa phương");
  EXPECT_EQ(Names(police.lead), V{"Công an tỉnh"});
  EXPECT_EQ(Due(police), "2026-05-31");
  EXPECT_EQ(Names(T("khẩn trương đánh giá kết quả thí điểm").lead), V{"Sở Giáo dục và Đào tạo"});
  const Task& telecom = T("đề xuất các giải pháp công nghệ, nền tảng số");
  EXPECT_EQ(Names(telecom.requested), (V{"VNPT Lạng Sơn", "Viettel Lạng Sơn"}));
  // Section 3.
  const Task& s1 = T("tham mưu UBND tỉnh ban hành văn bản đôn đốc");
  EXPECT_EQ(Names(s1.lead), V{kSkh});
  EXPECT_EQ(Names(s1.coordinate)[0], "Sở Tài chính");
  EXPECT_EQ(Due(s1), "2026-05-26");
  const Task& footnote = T("đăng ký tiến độ thực hiện, tiến độ giải ngân");
  EXPECT_EQ(Names(footnote.lead), V{"các cơ quan, đơn vị được giao nhiệm vụ, dự án"});
  const Task& s2 = T("Giao Sở Nông nghiệp và Môi trường chủ trì");
  EXPECT_EQ(Names(s2.lead), V{"Sở Nông nghiệp và Môi trường"});
  V c2 = Names(s2.coordinate);
  EXPECT_NE(std::find(c2.begin(), c2.end(), "Sở Tài chính"), c2.end());
  EXPECT_NE(std::find(c2.begin(), c2.end(), kSkh), c2.end());
  EXPECT_EQ(Due(s2), "2026-05-26");
  EXPECT_TRUE(s2.deadline && s2.deadline->before);
  const Task& s3 = T("danh mục dự kiến đăng ký kế hoạch đầu tư công");
  EXPECT_EQ(Names(s3.lead), V{"các cơ quan, đơn vị được giao chuẩn bị dự án"});
  EXPECT_EQ(Due(s3), "2026-06-10");
  const Task& s4 = T("đề xuất một số nhiệm vụ, dự án khả thi");
  EXPECT_EQ(Names(s4.lead), V{kSkh});
  EXPECT_EQ(Names(s4.coordinate), V{"Sở Tài chính"});
  EXPECT_EQ(Due(s4), "2026-05-26");
  // The last item splits in two.
  EXPECT_EQ(Names(T("Các sở, ngành, đơn vị liên quan tiếp tục triển khai").lead),
            V{"các sở, ngành, đơn vị liên quan"});
  EXPECT_EQ(Names(T("giao Văn phòng UBND tỉnh rà soát").lead), V{"Văn phòng Ủy ban nhân dân tỉnh"});
}

TEST_F(SeedTest, Seed001) {
  Load("seed-001.txt");
  EXPECT_GE(record_.tasks.size(), 12u);
  EXPECT_EQ(record_.document.type, "THÔNG BÁO");
  EXPECT_FALSE(record_.document.date);
  ASSERT_TRUE(record_.document.meeting && record_.document.meeting->date);
  EXPECT_EQ(record_.document.meeting->date->ToString(), "2025-12-29");
  V refs;
  for (const Reference& r : record_.references) refs.push_back(r.number);
  for (const char* n : {"264/2025/NĐ-CP", "265/2025/NĐ-CP"})
    EXPECT_NE(std::find(refs.begin(), refs.end(), n), refs.end()) << n;
  // Four items for the departments and the communes (the fourth names its own lead).
  for (const char* p : {"Tăng cường kỷ luật, kỷ cương", "Đổi mới toàn diện việc giải quyết",
                        "Tổ chức đào tạo, bồi dưỡng kỹ năng số"})
    EXPECT_EQ(Names(T(p).lead), (V{"các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"})) << p;
  EXPECT_TRUE(IsTask("khẩn trương hoàn thiện thủ tục đầu tư"));
  EXPECT_EQ(Names(T("vai trò là Tổ trưởng các Tổ Công tác").lead), (V{kSkh, "Công an tỉnh", "Sở Nội vụ"}));
  // Four for Sở KH&CN.
  struct { const char* phrase; const char* due; } skh[] = {
      {"Quy chế làm việc của Ban Chỉ đạo", "2026-01-15"},
      {"lộ trình phát triển hạ tầng số", "2026-01-31"},
      {"thành lập Quỹ đầu tư mạo hiểm", "2026-03-31"},
      {"hiệu quả hoạt động của một số phần mềm", "2026-01-31"},
  };
  for (const auto& c : skh) {
    const Task& t = T(c.phrase);
    EXPECT_EQ(Names(t.lead), V{kSkh}) << c.phrase;
    EXPECT_EQ(Due(t), c.due) << c.phrase;
  }
  const Task& finance = T("ưu tiên bố trí đầy đủ, kịp thời");
  EXPECT_EQ(Names(finance.lead), V{"Sở Tài chính"});
  EXPECT_EQ(Due(finance), "");
  const Task& land = T("làm rõ nguyên nhân 05 xã");
  EXPECT_EQ(Names(land.lead), V{"Sở Nông nghiệp và Môi trường"});
  EXPECT_EQ(Due(land), "2026-01-15");
  const Task& telecom = T("tiếp tục đồng hành cùng với các cơ quan nhà nước");
  EXPECT_TRUE(telecom.lead.empty());
  ASSERT_EQ(telecom.requested.size(), 1u);
  EXPECT_NE(telecom.requested[0].name.find("doanh nghiệp viễn thông"), std::string::npos);
}

}  // namespace
}  // namespace notices
