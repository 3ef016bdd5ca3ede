// Task tables end to end on small texts (pipeline/extract/table_rows.h and
// table_extractor.h through the Pipeline): rows -> tasks with lead, coordinators,
// deadline and product; section rows, merged lead cells, headers over two lines,
// Markdown rows, the time column's forms, prose and annex merged.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "tests/common/pipeline_test_util.h"

namespace notices {
namespace {

using testing::JoinNames;
using testing::SharedPipeline;

// One expected task: its text starts with `start`.
struct Want {
  std::string start, lead, coordinate, requested, due, product, section;
  bool inherited = false;  // a lead_inherited warning
  size_t also = 0;         // spans of the same task elsewhere
};

std::string Doc(const std::string& body) {
  return "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 12/KH-UBND\nGia Lai, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\n"
         "Triển khai nhiệm vụ năm 2026\n" + body +
         "Nơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n";
}

TEST(TableExtractorTest, RowsBecomeTasks) {
  struct Case {
    std::string name, body;
    std::vector<Want> tasks;
  };
  const std::string header = "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm\n";
  const std::vector<Case> cases = {
      {"time column forms",
       header +
           "1 | Xây dựng chính sách hỗ trợ du lịch | Sở Tài chính | Sở Tư pháp | Quý III/2026 | Nghị quyết\n"
           "2 | Nâng cấp đường giao thông nông thôn | Sở Xây dựng | Sở Tài chính | 2026 - 2030 | Công trình\n"
           "3 | Xây dựng cơ sở dữ liệu về du lịch | Sở Văn hóa, Thể thao và Du lịch | Sở Tư pháp | Trước ngày 15/10/2026 | Cơ sở dữ liệu\n"
           "4 | Rà soát điểm du lịch cộng đồng | Sở Xây dựng | Sở Tư pháp | Tháng 8/2024 | Quyết định\n"
           "5 | Hỗ trợ sản phẩm OCOP gắn với du lịch | Sở Công Thương | Sở Tài chính | Năm 2026 | Sản phẩm OCOP\n",
       {{"1 | Xây dựng chính sách", "Sở Tài chính", "Sở Tư pháp", "", "2026-09-30", "Nghị quyết", ""},
        {"2 | Nâng cấp đường", "Sở Xây dựng", "Sở Tài chính", "", "2030-12-31", "Công trình", ""},
        {"3 | Xây dựng cơ sở", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp", "", "2026-10-15", "Cơ sở dữ liệu", ""},
        {"4 | Rà soát điểm", "Sở Xây dựng", "Sở Tư pháp", "", "2024-08-31", "Quyết định", ""},
        {"5 | Hỗ trợ sản phẩm", "Sở Công Thương", "Sở Tài chính", "", "2026-12-31", "Sản phẩm OCOP", ""}}},
      {"section rows and a merged lead cell",
       header +
           "I. Nhiệm vụ chung\n"
           "1 | Củng cố mạng lưới y tế cơ sở | Sở Y tế | Sở Nội vụ | Quý IV/2026 | Trạm y tế\n"
           "2 | Triển khai hồ sơ sức khỏe điện tử |  | Sở Tài chính | Hằng năm | Hồ sơ\n"
           "II | PHÁT TRIỂN HẠ TẦNG |  |  |  | \n"
           "3 | Rà soát mạng lưới trường học | Sở Giáo dục và Đào tạo | Sở Xây dựng | Năm 2027 | Đề án\n",
       {{"1 | Củng cố", "Sở Y tế", "Sở Nội vụ", "", "2026-12-31", "Trạm y tế", "I"},
        {"2 | Triển khai", "Sở Y tế", "Sở Tài chính", "", "", "Hồ sơ", "I", true},
        {"3 | Rà soát", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "", "2027-12-31", "Đề án", "II"}}},
      {"Markdown, columns in another order, a header over two lines, a request",
       "| TT | Nhiệm vụ | Sản phẩm | Cơ quan thực hiện |  | Thời hạn |\n"
       "|  |  |  | Chủ trì | Phối hợp |  |\n"
       "|---|---|---|---|---|---|\n"
       "| 1 | Số hóa hồ sơ địa chính lưu trữ | Kho hồ sơ số | Sở Nông nghiệp và Môi trường | Sở Tài chính | Tháng 6/2026 |\n"
       "| 2 | Nâng cấp đường truyền số liệu | Đường truyền | Đề nghị Viettel Gia Lai | Sở Khoa học và Công nghệ | Quý II/2026 |\n",
       {{"1 | Số hóa", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "", "2026-06-30", "Kho hồ sơ số", ""},
        {"2 | Nâng cấp", "", "Sở Khoa học và Công nghệ", "Viettel Gia Lai", "2026-06-30", "Đường truyền", ""}}},
      {"a task in prose and in the table is one task",
       "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Tư pháp xây dựng chính sách hỗ trợ phát triển du lịch cộng đồng, "
       "trình UBND tỉnh trong quý III/2026.\n" +
           header + "1 | Xây dựng chính sách hỗ trợ phát triển du lịch cộng đồng | Sở Tài chính | Sở Tư pháp | Quý III/2026 | Nghị quyết\n",
       {{"1. Giao Sở Tài chính", "Sở Tài chính", "Sở Tư pháp", "", "2026-09-30", "Nghị quyết", "1", false, 1}}},
      {"a table without a lead column is no task table",
       "STT | Nội dung | Kinh phí (triệu đồng)\n1 | Mua sắm thiết bị cho trạm y tế xã | 200\n2 | Sửa chữa trụ sở | 300\n", {}},
  };
  for (const Case& c : cases) {
    std::string doc = Doc(c.body);
    Record r = SharedPipeline().RunBytes("table.txt", doc);
    std::vector<const Task*> rows;
    for (const Task& t : r.tasks)
      if (!t.cells.empty()) rows.push_back(&t);
    if (c.name == "a task in prose and in the table is one task") {
      rows.clear();
      for (const Task& t : r.tasks) rows.push_back(&t);
    }
    ASSERT_EQ(rows.size(), c.tasks.size()) << c.name;
    for (size_t k = 0; k < rows.size(); ++k) {
      const Task& t = *rows[k];
      const Want& w = c.tasks[k];
      SCOPED_TRACE(c.name + ": " + t.text);
      EXPECT_EQ(t.text.substr(0, w.start.size()), w.start);
      EXPECT_EQ(JoinNames(t.lead), w.lead);
      EXPECT_EQ(JoinNames(t.coordinate), w.coordinate);
      EXPECT_EQ(JoinNames(t.requested), w.requested);
      std::string due = t.deadline && t.deadline->due ? t.deadline->due->ToString() : "";
      EXPECT_EQ(due, w.due);
      EXPECT_EQ(t.product.value_or(""), w.product);
      EXPECT_EQ(t.section.value_or(""), w.section);
      bool inherited = false;
      for (const std::string& warning : t.warnings) inherited = inherited || warning.rfind("lead_inherited", 0) == 0;
      EXPECT_EQ(inherited, w.inherited);
      EXPECT_EQ(t.extra_spans.size(), w.also);
    }
  }
}

}  // namespace
}  // namespace notices
