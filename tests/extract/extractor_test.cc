// The extractor's document-level rules on short letters, end to end through the pipeline:
// who issued the letter decides whether "đề nghị" orders or requests; a report deadline
// stated once after a list binds the report items above it; a provision quoted from
// another document is no task; a letter's only request may stand in its closing.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "tests/common/pipeline_test_util.h"

namespace notices {
namespace {

using testing::JoinNames;
using testing::SharedPipeline;

// A task as the test reads it: its text's start, its roles, its due date.
struct Want {
  std::string starts;  // the task text starts with this (after any marker)
  std::string lead, requested, due;
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Want> tasks;  // in document order
};

std::string Letter(const std::string& issuer, const std::string& body,
                   const std::string& number_line = "Số: 12/VB") {
  return issuer + "\n" + number_line +
         "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
         "Hà Nội, ngày 14 tháng 10 năm 2026\n\n" +
         body + "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Văn Thành\n";
}

const std::string kRequest =
    "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\n\n"
    "Ngày 30 tháng 9 năm 2026, cơ quan ban hành Thông tư số 21/2026/TT-BYT, trong đó:\n"
    "- Khoản 3 Điều 5 của Thông tư số 21/2026/TT-BYT quy định: “Sở Y tế có trách nhiệm tổng hợp danh "
    "sách cơ sở khám sức khỏe”.\n"
    "Đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo các cơ quan chuyên môn triển khai thực hiện; "
    "báo cáo kết quả trước ngày 15/01/2027./.";

TEST(Extractor, DocumentLevelRules) {
  const Case cases[] = {
      {"a ministry requests provincial People's Committees",
       Letter("BỘ Y TẾ", kRequest),
       {{"Đề nghị Ủy ban nhân dân", "", "Ủy ban nhân dân các tỉnh, thành phố", "2027-01-15"}}},
      {"OCR garbled the number line, so no issuer was read: the header line still tells",
       Letter("Ký bởi: Bộ Y tế\nThời gian ký: 14.10.2026 09:12:40 +07:00\nBỘ Y TẾ", kRequest,
              "số,2 Ô Đ5YT-KCB"),
       {{"Đề nghị Ủy ban nhân dân", "", "Ủy ban nhân dân các tỉnh, thành phố", "2027-01-15"}}},
      {"a province's own office orders them",
       Letter("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", kRequest),
       {{"Đề nghị Ủy ban nhân dân", "Ủy ban nhân dân các tỉnh, thành phố", "", "2027-01-15"}}},
      {"a report deadline after the list binds the report items without one",
       Letter("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI",
              "Văn phòng UBND tỉnh đề nghị các cơ quan báo cáo các nội dung sau:\n"
              "1. Sở Tài chính báo cáo tình hình giải ngân vốn đầu tư công.\n"
              "2. Sở Xây dựng báo cáo tiến độ các công trình trọng điểm trước ngày 05/11/2026.\n"
              "3. Sở Văn hóa, Thể thao và Du lịch chuẩn bị hội trường phục vụ phiên họp.\n"
              "Báo cáo của các cơ quan gửi về UBND tỉnh trước ngày 10/11/2026 để tổng hợp."),
       {{"1. Sở Tài chính báo cáo", "Sở Tài chính", "", "2026-11-10"},
        {"2. Sở Xây dựng báo cáo", "Sở Xây dựng", "", "2026-11-05"},
        {"3. Sở Văn hóa", "Sở Văn hóa, Thể thao và Du lịch", "", ""}}},
      {"without report items above it, the paragraph stays a task of its own",
       Letter("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI",
              "1. Sở Văn hóa, Thể thao và Du lịch chuẩn bị hội trường phục vụ phiên họp.\n"
              "Báo cáo của các cơ quan gửi về UBND tỉnh trước ngày 10/11/2026 để tổng hợp."),
       {{"1. Sở Văn hóa", "Sở Văn hóa, Thể thao và Du lịch", "", ""},
        {"Báo cáo của các cơ quan", "Sở Văn hóa, Thể thao và Du lịch", "", "2026-11-10"}}},
      {"OCR read 'yêu cầu' as 'yêu câu' (tb-1894): the lead-in still names the addressee",
       Letter("SỞ CÔNG THƯƠNG", "2. Kiến nghị\nĐể việc chấp hành được tốt hơn, Sở Công Thương yêu câu "
                                "đơn vị nêu trên thực hiện một số nội dung sau:\n"
                                "- Tiếp tục giám sát việc lập hộ chiếu nổ mìn.\n"
                                "- Nghiêm chỉnh chấp hành các quy định."),
       {{"- Tiếp tục giám sát", "đơn vị nêu trên", "", ""},
        {"- Nghiêm chỉnh chấp hành", "đơn vị nêu trên", "", ""}}},
      {"an item's own subjects, listed over ';' and followed by 'căn cứ chức năng ...', replace "
       "the addressees of the lead-in above (devset 33)",
       Letter("ỦY BAN NHÂN DÂN TỈNH",
              "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, địa phương nghiêm túc triển khai "
              "thực hiện các nội dung sau:\n"
              "1. Tổ chức thực hiện\n"
              "a) Tổ chức quán triệt, phổ biến đầy đủ nội dung Nghị định.\n"
              "b) Các sở, ban, ngành; Ủy ban nhân dân các xã, phường; các cơ quan, đơn vị và doanh "
              "nghiệp, căn cứ chức năng, nhiệm vụ được giao khẩn trương tổ chức triển khai thực hiện."),
       {{"a) Tổ chức quán triệt", "các sở, ban, ngành, địa phương", "", ""},
        {"b) Các sở", "các sở, ban, ngành; Ủy ban nhân dân các xã, phường; các cơ quan, đơn vị và doanh nghiệp",
         "", ""}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Record r = SharedPipeline().RunBytes("letter.txt", c.text);
    ASSERT_FALSE(r.error) << r.error->message;
    ASSERT_EQ(r.tasks.size(), c.tasks.size());
    for (size_t i = 0; i < c.tasks.size(); ++i) {
      const Task& t = r.tasks[i];
      const Want& w = c.tasks[i];
      EXPECT_EQ(t.text.rfind(w.starts, 0), 0u) << t.text;
      EXPECT_EQ(JoinNames(t.lead), w.lead) << t.text;
      EXPECT_EQ(JoinNames(t.requested), w.requested) << t.text;
      EXPECT_EQ(t.deadline && t.deadline->due ? t.deadline->due->ToString() : "", w.due) << t.text;
    }
  }
}

}  // namespace
}  // namespace notices
